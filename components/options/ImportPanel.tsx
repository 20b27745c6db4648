import { useRef, type ReactNode } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { t } from '@/lib/i18n';
import { ImportClient, WorkerFailure, type ImportResult } from '@/lib/import/client';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '@/lib/import/columns';
import { customerMappingProblem, orderMappingProblem } from '@/lib/import/csv';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';
import { useImport, type CustomersPreview, type OrdersPreview } from './importStore';

/**
 * Import of CRM exports and Concierge backups: pick the files, check the column mapping against a
 * preview, import with progress and a stop button, then read what was added, updated and skipped.
 */
export function ImportPanel() {
  const client = useRef<ImportClient | null>(null);
  client.current ??= new ImportClient();
  const { customers, orders, running, result, set } = useImport();

  const pick = async (file: File | undefined, kind: 'customers' | 'orders') => {
    if (!file) return;
    set({ result: null });
    const preview = await client.current!.preview(file, kind);
    if (preview.kind === 'failed') {
      set({ [kind]: null, result: { kind: 'failed', problems: preview.problems } });
      return;
    }
    if (kind === 'customers') set({ customers: { file, preview: preview as CustomersPreview } });
    else set({ orders: { file, preview: preview as OrdersPreview } });
  };

  const finish = (outcome: ImportResult | { kind: 'error'; message: string }) =>
    set({ running: null, result: outcome });

  const start = async () => {
    set({ running: 'starting', result: null });
    try {
      if (customers?.preview.kind === 'backup') {
        finish(await client.current!.restore(customers.file));
        return;
      }
      const outcome = await client.current!.import(
        {
          customers:
            customers && customers.preview.kind === 'customers'
              ? { file: customers.file, mapping: customers.preview.mapping }
              : undefined,
          orders: orders ? { file: orders.file, mapping: orders.preview.mapping } : undefined,
        },
        (progress) => set({ running: progress }),
      );
      finish(outcome);
    } catch (error) {
      const quota = error instanceof WorkerFailure && error.name === 'QuotaExceededError';
      finish({
        kind: 'error',
        message: quota ? storageErrorMessage(error) : t('importWorkerFailed', (error as Error).message),
      });
    }
  };

  const customerProblem =
    customers?.preview.kind === 'customers' ? customerMappingProblem(customers.preview.mapping) : null;
  const orderProblem = orders ? orderMappingProblem(orders.preview.mapping) : null;
  const ready = !running && (customers || orders) && !customerProblem && !orderProblem;

  return (
    <div className="import">
      <h3>{t('importTitle')}</h3>
      <p className="muted">{t('importHelp')}</p>
      <FilePick
        label={t('importCustomersFile')}
        testId="import-file"
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        disabled={!!running}
        onPick={(f) => void pick(f, 'customers')}
      />
      {customers?.preview.kind === 'backup' && (
        <p data-testid="import-backup">
          {t('importBackupFound', customers.preview.customers, customers.preview.interactions)}
        </p>
      )}
      {customers?.preview.kind === 'customers' && (
        <Mapped
          file={customers.file}
          encoding={customers.preview.encoding}
          problem={customerProblem}
          table={
            <MappingTable
              testId="import-mapping"
              header={customers.preview.header}
              rows={customers.preview.rows}
              mapping={customers.preview.mapping}
              fields={CUSTOMER_FIELDS}
              onChange={(mapping) =>
                set({
                  customers: { ...customers, preview: { ...customers.preview, mapping } as CustomersPreview },
                })
              }
            />
          }
        />
      )}
      <FilePick
        label={t('importOrdersFile')}
        testId="import-orders-file"
        accept=".csv,.tsv,.txt,text/csv"
        disabled={!!running || customers?.preview.kind === 'backup'}
        onPick={(f) => void pick(f, 'orders')}
      />
      <p className="muted">{t('importOrdersHelp')}</p>
      {orders && (
        <Mapped
          file={orders.file}
          encoding={orders.preview.encoding}
          problem={orderProblem}
          table={
            <MappingTable
              testId="import-orders-mapping"
              header={orders.preview.header}
              rows={orders.preview.rows}
              mapping={orders.preview.mapping}
              fields={ORDER_FIELDS}
              onChange={(mapping) => set({ orders: { ...orders, preview: { ...orders.preview, mapping } } })}
            />
          }
        />
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="import-start"
          disabled={!ready}
          onClick={() => void start()}
        >
          {customers?.preview.kind === 'backup' ? t('importRestore') : t('importStart')}
        </button>
        {running && (
          <button type="button" data-testid="import-stop" onClick={() => client.current!.stop()}>
            {t('importStop')}
          </button>
        )}
      </div>
      <div data-testid="import-report" role="status" aria-live="polite">
        {running && (
          <p>
            <progress value={running === 'starting' ? undefined : running.share} max={1} />{' '}
            {running === 'starting'
              ? t('importRunning')
              : running.phase === 'orders'
                ? t('importProgressOrders')
                : t('importProgress', running.rows)}
          </p>
        )}
        {result && <ImportReportView result={result} />}
      </div>
    </div>
  );
}

function FilePick({
  label,
  testId,
  accept,
  disabled,
  onPick,
}: {
  label: string;
  testId: string;
  accept: string;
  disabled: boolean;
  onPick: (file: File | undefined) => void;
}) {
  return (
    <label className="file">
      {label}
      <input
        type="file"
        accept={accept}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          onPick(e.target.files?.[0]);
          // The same file picked again (after fixing it) must fire again.
          e.target.value = '';
        }}
      />
    </label>
  );
}

/** A picked file: its name and encoding, its column mapping, and what the mapping still lacks. */
function Mapped({
  file,
  encoding,
  problem,
  table,
}: {
  file: File;
  encoding: string;
  problem: string | null;
  table: ReactNode;
}) {
  return (
    <>
      <p className="muted">
        {file.name} — {t('importEncoding', encoding)}
      </p>
      {table}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
