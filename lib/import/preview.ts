import { parseBackup } from './backup';
import {
  guessCustomerMapping,
  guessOrderMapping,
  type CustomerField,
  type Mapping,
  type OrderField,
} from './columns';
import { decodeBytes, type Encoding } from './decode';
import type { FileKind } from './protocol';
import { readTable, type ImportProblem } from './table';

export const PREVIEW_ROWS = 5;
/** Large enough for a million-row CRM export; a bigger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024 - 1;

export type FilePreview =
  | {
      kind: 'customers';
      encoding: Encoding;
      header: string[];
      rows: string[][];
      mapping: Mapping<CustomerField>;
    }
  | { kind: 'orders'; encoding: Encoding; header: string[]; rows: string[][]; mapping: Mapping<OrderField> }
  | { kind: 'backup'; customers: number; interactions: number }
  | { kind: 'failed'; problems: ImportProblem[] };

export function tooLarge(size: number): ImportProblem | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return {
    line: 0,
    message: `The file is ${mb(size)}; Concierge imports files under ${mb(MAX_IMPORT_BYTES + 1)}. Split it into smaller files and import them one after another.`,
  };
}

/** What a file holds, before anything is imported: its columns, a few rows, the guessed mapping. */
export function previewFile(name: string, bytes: Uint8Array, kind: FileKind): FilePreview {
  const large = tooLarge(bytes.length);
  if (large) return { kind: 'failed', problems: [large] };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { kind: 'failed', problems: [{ line: 0, message: decoded.message }] };
  if (kind === 'customers' && (/\.json$/i.test(name) || /^\s*[{[]/.test(decoded.text))) {
    const backup = parseBackup(decoded.text);
    if (!backup.ok) return { kind: 'failed', problems: backup.problems };
    return {
      kind: 'backup',
      customers: backup.backup.customers.length,
      interactions: backup.backup.interactions.length,
    };
  }
  const table = readTable(decoded.text, PREVIEW_ROWS);
  if (!table.ok) return { kind: 'failed', problems: table.problems };
  const rows = table.rows.map((r) => r.fields);
  return kind === 'customers'
    ? {
        kind,
        encoding: decoded.encoding,
        header: table.header,
        rows,
        mapping: guessCustomerMapping(table.header),
      }
    : {
        kind,
        encoding: decoded.encoding,
        header: table.header,
        rows,
        mapping: guessOrderMapping(table.header),
      };
}
