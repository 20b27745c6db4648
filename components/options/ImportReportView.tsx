import { t } from '@/lib/i18n';
import type { ImportResult } from '@/lib/import/client';
import type { ImportProblem } from '@/lib/import/table';
import { Fragment } from 'react';
import { WithContent } from '../Content';
import { problemNode } from './ImportText';

type Shown = ImportResult | { kind: 'error'; message: string };

/** What an import did: counts, and each skipped row with its line and reason. */
export function ImportReportView({ result }: { result: Shown }) {
  switch (result.kind) {
    case 'stopped':
      return <p className="ok">{t('importStopped')}</p>;
    case 'error':
      return (
        <p className="error" role="alert">
          {result.message}
        </p>
      );
    case 'restored':
      return <p className="ok">{t('importRestored', result.customers, result.interactions)}</p>;
    case 'failed':
      return (
        <div className="problems">
          <p className="error">{t('importFailed')}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.line > 0 ? `${t('importLine', p.line)}: ` : ''}
                {problemNode(p)}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'imported': {
      const { report } = result;
      // Never green when most rows failed.
      const mostFailed = report.skippedCount > report.added + report.updated;
      return (
        <div>
          <p className={mostFailed ? 'error' : 'ok'} role={mostFailed ? 'alert' : undefined}>
            {t('importReport', report.added, report.updated, report.orders, report.skippedCount)}
          </p>
          {mostFailed && <p className="error">{t('importMostFailed')}</p>}
          {report.flaggedCount > 0 && <FlaggedCells flagged={report.flagged} count={report.flaggedCount} />}
          {report.skippedCount > 0 && (
            <div className="problems">
              <p>{t('importSkippedTitle')}</p>
              <ul data-testid="import-skipped">
                {report.skipped.map((p, i) => (
                  <li key={i}>
                    {t('importLine', p.line)}: {problemNode(p)}
                  </li>
                ))}
              </ul>
              {report.skippedCount > report.skipped.length && (
                <p className="muted">{t('importMoreSkipped', report.skippedCount - report.skipped.length)}</p>
              )}
            </div>
          )}
        </div>
      );
    }
  }
}

/** Cells left out, by column: how many, and three examples of each. */
function FlaggedCells({ flagged, count }: { flagged: ImportProblem[]; count: number }) {
  const byColumn = new Map<string, ImportProblem[]>();
  for (const p of flagged) byColumn.set(p.column ?? '', [...(byColumn.get(p.column ?? '') ?? []), p]);
  return (
    <div className="problems" data-testid="import-flagged">
      <p>{t('importFlaggedTitle', count)}</p>
      <ul>
        {[...byColumn].map(([column, problems]) => (
          <li key={column}>
            <WithContent
              message={(name) => t('importFlaggedColumn', name!, problems.length)}
              content={column}
            />{' '}
            {problems.slice(0, 3).map((p, n) => (
              <Fragment key={n}>
                {n > 0 && '; '}
                {t('importLine', p.line)}: {problemNode(p)}
              </Fragment>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
