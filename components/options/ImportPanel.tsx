import { useState } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { db } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import type { ImportProblem } from '@/lib/import/csv';
import { importFileText, MAX_IMPORT_BYTES } from '@/lib/import/file';

type State =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems: ImportProblem[] };

export function ImportPanel() {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setState({ kind: 'failed', message: t('importFileTooLarge'), problems: [] });
      return;
    }
    setState({ kind: 'running' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({ kind: 'failed', message: t('importReadError'), problems: [] });
      return;
    }
    try {
      const result = await importFileText(db(), file.name, text);
      if (result.kind === 'failed') setState({ kind: 'failed', message: t('importFailed'), problems: result.problems });
      else if (result.kind === 'csv') setState({ kind: 'done', message: t('importDone', result.added, result.updated) });
      else setState({ kind: 'done', message: t('importRestored', result.customers, result.interactions) });
    } catch (error) {
      setState({ kind: 'failed', message: storageErrorMessage(error), problems: [] });
    }
  };

  return (
    <div className="import">
      <h3>{t('importTitle')}</h3>
      <p className="muted">{t('importHelp')}</p>
      <input
        type="file"
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        data-testid="import-file"
        disabled={state.kind === 'running'}
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div data-testid="import-report" role="status" aria-live="polite">
        {state.kind === 'running' && <p><progress /> {t('importRunning')}</p>}
        {state.kind === 'done' && <p className="ok">{state.message}</p>}
        {state.kind === 'failed' && (
          <div className="problems">
            <p>{state.message}</p>
            <ul>
              {state.problems.map((p, i) => (
                <li key={i}>{p.line > 0 ? `${t('importLine', p.line)}: ` : ''}{p.message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
