import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '@/lib/db/schema';
import { loadSample } from '@/lib/db/sample';
import { storageErrorMessage } from '@/lib/db/errors';
import { t } from '@/lib/i18n';
import { exportBackup } from '@/lib/import/backup';
import { TierTag } from '../TierTag';
import { ImportPanel } from './ImportPanel';

const PAGE = 50;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function CustomersSection() {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const count = useLiveQuery(() => db().customers.count(), []);
  const shown = useLiveQuery(async () => {
    const q = query.trim().toLowerCase().replace(/^@/, '');
    const all = db().customers.orderBy('name').filter((c) => !c.deletedAt);
    if (!q) return all.limit(PAGE).toArray();
    return all
      .filter((c) => c.name.toLowerCase().includes(q) || c.emails.some((e) => e.includes(q)) || c.identityKeys.some((k) => k.includes(q)))
      .limit(PAGE)
      .toArray();
  }, [query]);

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(storageErrorMessage(error));
    }
  };

  return (
    <section className="block">
      <h2>{t('customersTitle')}</h2>
      <p data-testid="customer-count">{count ? t('customersCount', count) : t('customersEmpty')}</p>
      <div className="actions">
        <button type="button" data-testid="load-sample" onClick={() => void run(async () => t('sampleLoaded', await loadSample(db())))}>
          {t('loadSample')}
        </button>
        <button type="button" data-testid="export-json" onClick={() => void run(async () => {
          download(`concierge-backup-${new Date().toISOString().slice(0, 10)}.json`, await exportBackup(db()), 'application/json');
          return '';
        })}>
          {t('exportJson')}
        </button>
        <button type="button" data-testid="wipe" onClick={() => {
          if (!confirm(t('wipeConfirm'))) return;
          void run(async () => {
            await db().transaction('rw', db().customers, db().interactions, async () => {
              await db().customers.clear();
              await db().interactions.clear();
            });
            return t('wipeDone');
          });
        }}>
          {t('wipeAll')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      <ImportPanel />
      <label>
        {t('customersSearch')}
        <input type="search" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {shown && shown.length > 0 && (
        <table data-testid="customer-table">
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td>{c.name}<TierTag tier={c.tier} /></td>
                <td className="muted">{c.identities.map((i) => `${i.site}: ${i.handle || i.id}`).join(', ')}</td>
                <td className="muted">{c.emails.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
