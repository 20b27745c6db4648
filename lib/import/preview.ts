import { EMAIL } from '../db/validate';
import { siteEntry, isSite } from '../sites/lookup';
import { parseBackup } from './backup';
import {
  guessCustomerColumns,
  guessOrderColumns,
  type Confidence,
  type CustomerField,
  type Guess,
  type Mapping,
  type OrderField,
} from './columns';
import type { FileKind } from './protocol';
import { PHONE, unguarded } from './csv';
import { fileText, readWhole, type Format } from './sheet';
import { readTable, type ImportProblem } from './table';
import { problemOf, say } from './said';

/** Rows read for a preview: enough to find three values in a column that is mostly empty. */
export const PREVIEW_ROWS = 200;
export const SAMPLES = 3;
/** Large enough for a million-row CRM export; a bigger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024 - 1;

/** What a CRM export holds, column by column, before anything is imported. */
interface TablePreview<K extends 'customers' | 'orders', F extends string> {
  kind: K;
  format: Format;
  /** A workbook's sheets and the one shown. */
  sheets?: string[];
  sheet?: string;
  header: string[];
  /** Up to three different values of each column, from its first rows. */
  samples: string[][];
  mapping: Mapping<F>;
  confidence: (Confidence | null)[];
}

export type FilePreview =
  | TablePreview<'customers', CustomerField>
  | TablePreview<'orders', OrderField>
  | { kind: 'backup'; customers: number; interactions: number }
  | { kind: 'failed'; problems: ImportProblem[] };

export function tooLarge(size: number): ImportProblem | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return { line: 0, ...say('fileTooBig', mb(size), mb(MAX_IMPORT_BYTES + 1)) };
}

/** Bytes of a text file read for its preview: its first rows are all it shows. */
export const PREVIEW_BYTES = 1024 * 1024;

/** Whether a preview needs the whole file: a workbook or a backup cannot be read in part. */
export function previewNeedsWhole(name: string, head: Uint8Array): boolean {
  // Byte order marks and UTF-16's zero bytes left out, a backup starts with "{" or "[".
  const start = String.fromCharCode(...head.subarray(0, 64).filter((b) => b && b < 0x80));
  return readWhole(head, name) || /\.json$/i.test(name) || /^\s*[{[]/.test(start);
}

/**
 * What a file holds, before anything is imported: its columns with samples, the guessed mapping.
 * `size` is the file's, when `bytes` are only its start (a text file's first PREVIEW_BYTES).
 */
export async function previewFile(
  name: string,
  bytes: Uint8Array,
  kind: FileKind,
  sheet?: string,
  size = bytes.length,
): Promise<FilePreview> {
  const large = tooLarge(size);
  if (large) return { kind: 'failed', problems: [large] };
  const partial = size > bytes.length;
  const read = await fileText(bytes, name, sheet, partial);
  if (!read.ok) return { kind: 'failed', problems: [problemOf(0, read)] };
  if (
    kind === 'customers' &&
    read.format !== 'xlsx' &&
    (/\.json$/i.test(name) || /^\s*[{[]/.test(read.text))
  ) {
    const backup = parseBackup(read.text);
    if (!backup.ok) return { kind: 'failed', problems: backup.problems };
    return {
      kind: 'backup',
      customers: backup.backup.customers.length,
      interactions: backup.backup.interactions.length,
    };
  }
  const table = readTable(read.text, PREVIEW_ROWS, partial);
  if (!table.ok) return { kind: 'failed', problems: table.problems };
  const samples = samplesOf(
    table.header,
    table.rows.map((r) => r.fields),
  );
  const workbook = read.sheets ? { sheets: read.sheets, sheet: read.sheet } : {};
  const base = { format: read.format, ...workbook, header: table.header, samples };
  return kind === 'customers'
    ? { kind, ...base, ...checked(guessCustomerColumns(table.header), samples) }
    : { kind, ...base, ...checked(guessOrderColumns(table.header), samples) };
}

function samplesOf(header: readonly string[], rows: readonly string[][]): string[][] {
  return header.map((_, column) => {
    const seen = new Set<string>();
    for (const row of rows) {
      // As the import will read it: a spreadsheet's text guard is not part of the value.
      const value = unguarded((row[column] ?? '').trim());
      if (value) seen.add(value.slice(0, 80));
      if (seen.size === SAMPLES) break;
    }
    return [...seen];
  });
}

/** Whether a value could be what the field holds; fields without a shape take anything. */
function fits(field: string, value: string): boolean {
  if (field === 'email') return EMAIL.test(value.toLowerCase());
  if (field === 'phone') return PHONE.test(value);
  if (isSite(field)) return siteEntry(field).accountFrom(value) !== null;
  return true;
}

/** A guess whose column's values do not look like the field is marked doubtful. */
function checked<F extends string>(guess: Guess<F>, samples: string[][]): Guess<F> {
  const confidence = guess.confidence.map((c, column) => {
    const field = guess.mapping[column];
    const values = samples[column] ?? [];
    if (!c || !field || !values.length) return c;
    return values.some((v) => fits(field, v)) ? c : 'doubtful';
  });
  return { mapping: guess.mapping, confidence };
}
