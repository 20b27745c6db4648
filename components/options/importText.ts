import { t, type MessageKey } from '@/lib/i18n';
import type { Said } from '@/lib/import/said';
import type { ImportProblem } from '@/lib/import/table';

/** What the import said, in the UI's language; its English text when it has no code. */
export function saidText(said: Pick<Said, 'message'> & Partial<Pick<Said, 'code' | 'params'>>): string {
  return said.code ? t(`import_${said.code}` as MessageKey, ...(said.params ?? [])) : said.message;
}

/** A problem of a file or row, in the UI's language, naming the orders file when it is there. */
export function problemText(problem: ImportProblem): string {
  const text = saidText(problem);
  return problem.ordersFile && problem.code ? t('import_ordersFile', text) : text;
}
