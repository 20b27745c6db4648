import { t } from '@/lib/i18n';
import type { ImportResult } from '@/lib/import/client';

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
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'imported': {
      const { report } = result;
      return (
        <div>
          <p className="ok">
            {t('importReport', report.added, report.updated, report.orders, report.skippedCount)}
          </p>
          {report.skippedCount > 0 && (
            <div className="problems">
              <p>{t('importSkippedTitle')}</p>
              <ul data-testid="import-skipped">
                {report.skipped.map((p, i) => (
                  <li key={i}>
                    {t('importLine', p.line)}: {p.message}
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
