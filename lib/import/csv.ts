import Papa from 'papaparse';
import { identityFrom, type CustomerDraft } from '../db/customers';
import { TIERS, type Identity, type Tier } from '../db/types';
import { cleanText, clip } from '../text';
import { parseProfileHref } from '../sites/facebook/urls';

export const CSV_COLUMNS = ['name', 'email', 'phone', 'x', 'facebook', 'tier', 'tags', 'language', 'notes'] as const;
type Column = (typeof CSV_COLUMNS)[number];

export interface ImportProblem {
  /** 1-based line of the file where the row starts; 0 for the file as a whole. */
  line: number;
  message: string;
}

export interface CsvRow {
  line: number;
  draft: CustomerDraft;
}

export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; problems: ImportProblem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,30}$/;
const X_HANDLE = /^[A-Za-z0-9_]{1,50}$/;
const FB_NAME = /^[A-Za-z0-9.]{1,80}$/;
const MAX_PROBLEMS = 50;

/**
 * Reads a customers CSV (comma, semicolon or tab separated; quoted fields may hold line breaks).
 * Either every row is valid and returned, or the problems are, each with the line it starts on.
 */
export function parseCustomersCsv(input: string): CsvResult {
  // Exports from different tools mix line endings; one kind keeps line numbers right.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return { ok: false, problems: [{ line: 0, message: 'The file is empty.' }] };

  const problems: ImportProblem[] = [];
  const rows: CsvRow[] = [];
  let header: Column[] | null = null;
  let cursor = 0;
  let line = 1;

  Papa.parse<string[]>(text, {
    header: false,
    delimiter: detectDelimiter(text),
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      const rowLine = line;
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = end;
      if (problems.length >= MAX_PROBLEMS) return;
      for (const error of result.errors) {
        problems.push({ line: rowLine, message: error.code === 'MissingQuotes' ? 'A quoted field is not closed (a " is missing).' : error.message });
      }
      const fields = result.data;
      if (fields.length === 1 && fields[0]?.trim() === '') return;
      if (!header) {
        const read = readHeader(fields);
        if (typeof read === 'string') problems.push({ line: rowLine, message: read });
        else header = read;
        return;
      }
      if (fields.length !== header.length) {
        problems.push({ line: rowLine, message: `Expected ${header.length} fields, found ${fields.length}.` });
        return;
      }
      const draft = readRow(header, fields);
      if (typeof draft === 'string') problems.push({ line: rowLine, message: draft });
      else rows.push({ line: rowLine, draft });
    },
  });

  if (!problems.length && !header) problems.push({ line: 0, message: 'The file has no header line.' });
  if (!problems.length && !rows.length) problems.push({ line: 0, message: 'The file has a header but no customers.' });
  if (!problems.length) problems.push(...duplicates(rows));
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, rows };
}

/** The separator of the header line: the one of comma, semicolon and tab it uses most. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\n|$/));
  const count = (d: string) => firstLine.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

function readHeader(fields: string[]): Column[] | string {
  const names = fields.map((f) => f.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) {
    return `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${clip(u, 40)}"`).join(', ')} in the header. Expected: ${CSV_COLUMNS.join(', ')}.`;
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return `The column "${repeated}" appears twice in the header.`;
  if (!names.includes('name')) return 'The header has no "name" column.';
  return names as Column[];
}

function readRow(header: Column[], fields: string[]): CustomerDraft | string {
  const cell = (column: Column): string => {
    const index = header.indexOf(column);
    return index < 0 ? '' : cleanText(fields[index] ?? '');
  };
  const name = cell('name');
  if (!name) return 'The name is empty.';
  if (name.length > 200) return 'The name is longer than 200 characters.';

  const emails = splitList(cell('email')).map((e) => e.toLowerCase());
  const badEmail = emails.find((e) => !EMAIL.test(e));
  if (badEmail) return `"${clip(badEmail, 60)}" is not an email address.`;

  const phones = splitList(cell('phone'));
  const badPhone = phones.find((p) => !PHONE.test(p));
  if (badPhone) return `"${clip(badPhone, 40)}" is not a phone number.`;

  const identities: Identity[] = [];
  const x = cell('x') && xHandle(cell('x'));
  if (x === null) return `"${clip(cell('x'), 60)}" is not an X handle.`;
  if (x) identities.push(identityFrom('x', x, 'imported'));
  const fb = cell('facebook') && facebookIdentity(cell('facebook'));
  if (fb === null) return `"${clip(cell('facebook'), 60)}" is not a Facebook name, id or profile link.`;
  if (fb) identities.push(identityFrom('facebook', fb.handle, 'imported', fb.id));

  const tierText = cell('tier').toLowerCase();
  if (tierText && !(TIERS as readonly string[]).includes(tierText)) return `Unknown tier "${clip(tierText, 30)}" (use ${TIERS.join(', ')}).`;
  const language = cell('language').toLowerCase();
  if (language && !/^[a-z]{2,3}$/.test(language)) return `"${clip(language, 20)}" is not a language code such as en or ru.`;

  const notes = cell('notes');
  return {
    name,
    identities,
    emails,
    phones,
    tier: (tierText || 'regular') as Tier,
    tags: splitList(cell('tags')),
    language: language || undefined,
    notes: notes ? [{ at: new Date().toISOString(), text: clip(notes, 5000), by: 'import' }] : [],
  };
}

function splitList(value: string): string[] {
  return value.split(';').map((v) => v.trim()).filter(Boolean);
}

/** "@name", "name" or a profile link on x.com / twitter.com. */
function xHandle(value: string): string | null {
  const fromUrl = value.match(/^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/([^/?#]+)/i)?.[1];
  const handle = (fromUrl ?? value).replace(/^@/, '');
  return X_HANDLE.test(handle) ? handle : null;
}

/** A vanity name, a numeric id, or a profile link (read as the Facebook adapter reads links). */
function facebookIdentity(value: string): { handle: string; id?: string } | null {
  if (/^\d{1,30}$/.test(value)) return { handle: '', id: value };
  if (/^https?:\/\//i.test(value)) {
    const profile = parseProfileHref(value, 'https://www.facebook.com');
    return profile ? { handle: profile.handle, ...(profile.id && { id: profile.id }) } : null;
  }
  return FB_NAME.test(value) ? { handle: value } : null;
}

/** Two rows of one file naming the same email or account are a mistake in the file. */
function duplicates(rows: CsvRow[]): ImportProblem[] {
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  for (const { line, draft } of rows) {
    const keys = [
      ...(draft.emails ?? []).map((e) => `email ${e}`),
      ...(draft.identities ?? []).map((i) => `${i.site === 'x' ? 'X handle' : 'Facebook account'} ${(i.id ?? i.handle).toLowerCase()}`),
    ];
    for (const key of keys) {
      const first = seen.get(key);
      if (first !== undefined) problems.push({ line, message: `The same ${key} as on line ${first}.` });
      else seen.set(key, line);
    }
  }
  return problems;
}
