import { useState } from 'react';
import { download } from '../download';
import { mutate } from '@/lib/db/mutations';
import { allCustomers, allInteractions, backupJson, customerCount, customersPage } from '@/lib/db/queries';
import { storageErrorMessage } from '@/lib/db/errors';
import { customersCsv, interactionsCsv } from '@/lib/export/spreadsheet';
import { t } from '@/lib/i18n';
import { TierTag } from '../TierTag';
import { useCalmQuery } from '../useCalmQuery';
import { CustomerEditor } from './CustomerEditor';
import { useCustomers } from './customersStore';
import { useImport } from './importStore';
import { ImportPanel } from './ImportPanel';

const PAGE = 50;
const CUSTOMERS = ['customers'];

const stamp = () => new Date().toISOString().slice(0, 10);

export function CustomersSection() {
  const { query, page, anchors, editing, setQuery, setPage, edit } = useCustomers();
  const [message, setMessage] = useState('');
  // An import's end re-reads both: the worker's change notice between contexts can come late.
  // Both follow writes calmly: a team pull commits a transaction every few ms, and counting the
  // whole base after each one would hold the worker's matching behind it.
  const imported = useImport((s) => s.result);
  const count = useCalmQuery(() => customerCount(), [imported], CUSTOMERS);
  const result = useCalmQuery(
    () => customersPage(query, page, PAGE, query ? null : (anchors[page] ?? null)),
    [query, page, anchors[page], imported],
    CUSTOMERS,
  );

  const run = async (action: () => Promise<string>) => {
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(storageErrorMessage(error));
    }
  };

  const exportFile = (what: string, kind: 'json' | 'csv', make: () => Promise<string>) =>
    void run(async () => {
      download(
        `concierge-${what}-${stamp()}.${kind}`,
        await make(),
        kind === 'json' ? 'application/json' : 'text/csv',
      );
      return '';
    });

  if (editing) {
    return (
      <section className="block">
        <h2>{t('customersTitle')}</h2>
        <CustomerEditor id={editing} onClose={() => edit(null)} />
      </section>
    );
  }

  const total = result?.total ?? count ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  return (
    <section className="block">
      <h2>{t('customersTitle')}</h2>
      {/* Nothing until the count is read: "no customers" would be false while it loads. */}
      <p data-testid="customer-count">
        {count === undefined ? '' : count ? t('customersCount', count) : t('customersEmpty')}
      </p>
      <div className="actions">
        <button
          type="button"
          data-testid="load-sample"
          onClick={() => void run(async () => t('sampleLoaded', await mutate('loadSample', {})))}
        >
          {t('loadSample')}
        </button>
        <button
          type="button"
          data-testid="export-json"
          onClick={() => exportFile('backup', 'json', () => backupJson())}
        >
          {t('exportJson')}
        </button>
        <button
          type="button"
          data-testid="export-customers-csv"
          onClick={() => exportFile('customers', 'csv', async () => customersCsv(await allCustomers()))}
        >
          {t('exportCustomersCsv')}
        </button>
        <button
          type="button"
          data-testid="export-interactions-csv"
          onClick={() => exportFile('posts', 'csv', async () => interactionsCsv(await allInteractions()))}
        >
          {t('exportInteractionsCsv')}
        </button>
        <button
          type="button"
          data-testid="wipe"
          onClick={() => {
            if (!confirm(t('wipeConfirm'))) return;
            void run(async () => {
              await mutate('clearBase', {});
              return t('wipeDone');
            });
          }}
        >
          {t('wipeAll')}
        </button>
      </div>
      <p className="muted">{t('exportHint')}</p>
      {message && <p role="status">{message}</p>}
      <ImportPanel />
      <label>
        {t('customersSearch')}
        <input
          type="search"
          data-testid="customer-search"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {result && query && (
        <p className="muted" data-testid="search-count">
          {total === 0
            ? t('customersNoMatch')
            : result.capped
              ? t('customersFoundMany', total)
              : t('customersFound', total)}
        </p>
      )}
      {result && result.customers.length > 0 && (
        <>
          <table data-testid="customer-table">
            <tbody>
              {result.customers.map((c) => (
                <tr key={c.id}>
                  <td>
                    <span translate="no">{c.name}</span>
                    <TierTag tier={c.tier} />
                  </td>
                  <td className="muted" translate="no">
                    {c.identities.map((i) => `${i.site}: ${i.handle || i.id}`).join(', ')}
                  </td>
                  <td className="muted" translate="no">
                    {c.emails.join(', ')}
                  </td>
                  <td>
                    <button type="button" data-testid="edit-customer" onClick={() => edit(c.id)}>
                      {t('customersEdit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="row pager">
              <button
                type="button"
                data-testid="page-prev"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                {t('customersPrev')}
              </button>
              <span data-testid="page-label">{t('customersPage', page + 1, pages)}</span>
              <button
                type="button"
                data-testid="page-next"
                disabled={page + 1 >= pages}
                onClick={() => setPage(page + 1, result.next)}
              >
                {t('customersNext')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
