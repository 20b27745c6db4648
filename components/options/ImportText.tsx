import type { ReactNode } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import type { Said } from '@/lib/import/said';
import type { ImportProblem } from '@/lib/import/table';
import { WithContent } from '../Content';

type Saying = Pick<Said, 'message'> & Partial<Pick<Said, 'code' | 'params'>>;

/**
 * What the import said, in the UI's language, the values from the file marked as the file's own;
 * its English text when it has no code.
 */
export function saidNode(said: Saying): ReactNode {
  if (!said.code) return said.message;
  const key = `import_${said.code}` as MessageKey;
  return <WithContent message={(...slots) => t(key, ...slots)} content={said.params ?? []} />;
}

/** A problem of a file or row, in the UI's language, naming the orders file when it is there. */
export function problemNode(problem: ImportProblem): ReactNode {
  const said = saidNode(problem);
  if (!problem.ordersFile || !problem.code) return said;
  const [before = '', after = ''] = t('import_ordersFile', '\uE000').split('\uE000');
  return (
    <>
      {before}
      {said}
      {after}
    </>
  );
}
