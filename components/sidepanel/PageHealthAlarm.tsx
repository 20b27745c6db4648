import { useState } from 'react';
import { t } from '@/lib/i18n';
import { sendMessage, type PageHealth } from '@/lib/messaging';
import { download } from '../download';

/**
 * Said when the page has posts Concierge cannot read: otherwise a changed site looks just like a
 * page with no customers. The diagnostic it saves holds the page's structure, never its text.
 */
export function PageHealthAlarm({
  health,
  tabId,
  site,
}: {
  health: PageHealth;
  tabId: number;
  site: string;
}) {
  const [error, setError] = useState('');
  const save = async () => {
    try {
      const diagnostic = await sendMessage('pageDiagnostic', undefined, tabId);
      const day = new Date().toISOString().slice(0, 10);
      download(
        `concierge-diagnostic-${site}-${day}.json`,
        JSON.stringify(diagnostic, null, 2),
        'application/json',
      );
      setError('');
    } catch {
      setError(t('healthSaveFailed'));
    }
  };
  return (
    <section className="health-alarm" role="alert" data-testid="health-alarm">
      <h2>{t('healthTitle')}</h2>
      <p>{t('healthText', health.read, health.units)}</p>
      <button type="button" data-testid="health-diagnostic" onClick={() => void save()}>
        {t('healthSave')}
      </button>
      {error && <p className="error">{error}</p>}
    </section>
  );
}
