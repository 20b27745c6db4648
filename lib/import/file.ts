import type { ConciergeDb } from '../db/schema';
import { importDrafts } from './apply';
import { parseBackup, restoreBackup } from './backup';
import { parseCustomersCsv, type ImportProblem } from './csv';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type FileImportResult =
  | { kind: 'csv'; added: number; updated: number }
  | { kind: 'backup'; customers: number; interactions: number }
  | { kind: 'failed'; problems: ImportProblem[] };

/** Imports a file's text: a Concierge backup (JSON) or a customers CSV. All or nothing. */
export async function importFileText(database: ConciergeDb, fileName: string, text: string): Promise<FileImportResult> {
  if (/\.json$/i.test(fileName) || /^\uFEFF?\s*[{[]/.test(text)) {
    const parsed = parseBackup(text);
    if (!parsed.ok) return { kind: 'failed', problems: parsed.problems };
    return { kind: 'backup', ...(await restoreBackup(database, parsed.backup)) };
  }
  if (text.includes('\u0000')) {
    return { kind: 'failed', problems: [{ line: 0, message: 'This is not a text file (it contains binary data).' }] };
  }
  const parsed = parseCustomersCsv(text);
  if (!parsed.ok) return { kind: 'failed', problems: parsed.problems };
  return { kind: 'csv', ...(await importDrafts(database, parsed.rows.map((r) => r.draft))) };
}
