import { useEffect, useRef, type ReactNode } from 'react';
import { storageErrorMessage } from '@/lib/db/errors';
import { formatDuration, t } from '@/lib/i18n';
import { ImportClient, WorkerFailure, type ImportResult } from '@/lib/import/client';
import {
  CUSTOMER_FIELDS,
  customerMappingProblem,
  ORDER_FIELDS,
  orderMappingProblem,
  type Mapping,
} from '@/lib/import/columns';
import { keepRecent, progressFigures } from '@/lib/import/progress';
import type { FileKind } from '@/lib/import/protocol';
import { rememberedMapping, rememberMapping } from '@/lib/import/remembered';
import type { Format } from '@/lib/import/sheet';
import { useSettings } from '../useSettings';
import { ImportReportView } from './ImportReportView';
import { MappingTable, type Basis } from './MappingTable';
import { TierWordsEditor } from './TierWordsEditor';
import { useImport, type CustomersPreview, type OrdersPreview } from './importStore';
import { saidNode } from './ImportText';

/**
 * Import of CRM exports and Concierge backups: pick the files, check the column mapping against a
 * preview, import with progress and a stop button, then read what was added, updated and skipped.
 */
export function ImportPanel() {
  const client = useRef<ImportClient | null>(null);
  client.current ??= new ImportClient();
  const settings = useSettings();
  // Everything but the progress: a progress report re-renders the progress line alone, never the
  // mapping tables, so the page stays light while a million rows go by.
  const customers = useImport((s) => s.customers);
  const orders = useImport((s) => s.orders);
  const running = useImport((s) => s.running !== null);
  const result = useImport((s) => s.result);
  const done = useImport((s) => s.done);
  const set = useImport((s) => s.set);

  const pick = async (file: File | undefined, kind: FileKind, sheet?: string) => {
    if (!file) return;
    // A file picked after an import starts a new one: the other file just imported is not re-armed.
    const other = useImport.getState().done ? { [kind === 'customers' ? 'orders' : 'customers']: null } : {};
    set({ ...other, result: null, done: false });
    const preview = await client.current!.preview(file, kind, sheet);
    if (preview.kind === 'failed') {
      set({ [kind]: null, result: { kind: 'failed', problems: preview.problems } });
      return;
    }
    if (preview.kind === 'backup') {
      set({ customers: { file, preview, basis: [] } });
      return;
    }
    const fields: readonly string[] = preview.kind === 'customers' ? CUSTOMER_FIELDS : ORDER_FIELDS;
    const remembered = await rememberedMapping(kind, preview.header, fields);
    const mapping = remembered ?? preview.mapping;
    const basis: Basis[] = remembered ? mapping.map((f) => (f ? 'remembered' : null)) : preview.confidence;
    const picked = { file, preview: { ...preview, mapping }, basis };
    if (preview.kind === 'customers') set({ customers: picked as NonNullable<typeof customers> });
    else set({ orders: picked as NonNullable<typeof orders> });
  };

  const finish = (outcome: ImportResult | { kind: 'error'; message: string }) =>
    set({ running: null, result: outcome, done: outcome.kind === 'imported' || outcome.kind === 'restored' });

  const start = async () => {
    set({ running: { progress: null, samples: [{ at: Date.now(), rows: 0 }] }, result: null });
    try {
      if (customers?.preview.kind === 'backup') {
        finish(await client.current!.restore(customers.file));
        return;
      }
      const table = customers?.preview.kind === 'customers' ? customers.preview : null;
      const outcome = await client.current!.import(
        {
          customers: table
            ? { file: customers!.file, sheet: table.sheet, mapping: table.mapping }
            : undefined,
          orders: orders
            ? { file: orders.file, sheet: orders.preview.sheet, mapping: orders.preview.mapping }
            : undefined,
          tierWords: settings.tierWords,
        },
        (progress) => {
          const { samples } = useImport.getState().running!;
          const next = { at: Date.now(), rows: progress.phase === 'customers' ? progress.rows : 0 };
          set({ running: { progress, samples: keepRecent(samples, next) } });
        },
      );
      if (outcome.kind === 'imported') {
        if (table) await rememberMapping('customers', table.header, table.mapping);
        if (orders) await rememberMapping('orders', orders.preview.header, orders.preview.mapping);
      }
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
  const ready = !running && !done && (customers || orders) && !customerProblem && !orderProblem;

  return (
    <div className="import">
      <h3>{t('importTitle')}</h3>
      <p className="muted">{t('importHelp')}</p>
      <FilePick
        label={t('importCustomersFile')}
        testId="import-file"
        chosen={!!customers}
        accept=".csv,.tsv,.txt,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
          format={customers.preview.format}
          sheets={customers.preview.sheets}
          sheet={customers.preview.sheet}
          onSheet={(sheet) => void pick(customers.file, 'customers', sheet)}
          remembered={customers.basis.includes('remembered')}
          problem={customerProblem && saidNode(customerProblem)}
          table={
            <MappingTable
              testId="import-mapping"
              header={customers.preview.header}
              samples={customers.preview.samples}
              mapping={customers.preview.mapping}
              basis={customers.basis}
              fields={CUSTOMER_FIELDS}
              onChange={(mapping, basis) =>
                set({
                  customers: {
                    ...customers,
                    basis,
                    preview: { ...customers.preview, mapping } as CustomersPreview,
                  },
                  done: false,
                })
              }
            />
          }
        />
      )}
      <FilePick
        label={t('importOrdersFile')}
        testId="import-orders-file"
        chosen={!!orders}
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={!!running || customers?.preview.kind === 'backup'}
        onPick={(f) => void pick(f, 'orders')}
      />
      <p className="muted">{t('importOrdersHelp')}</p>
      {orders && (
        <Mapped
          file={orders.file}
          format={orders.preview.format}
          sheets={orders.preview.sheets}
          sheet={orders.preview.sheet}
          onSheet={(sheet) => void pick(orders.file, 'orders', sheet)}
          remembered={orders.basis.includes('remembered')}
          problem={orderProblem && saidNode(orderProblem)}
          table={
            <MappingTable
              testId="import-orders-mapping"
              header={orders.preview.header}
              samples={orders.preview.samples}
              mapping={orders.preview.mapping}
              basis={orders.basis}
              fields={ORDER_FIELDS}
              onChange={(mapping: Mapping<(typeof ORDER_FIELDS)[number]>, basis) =>
                set({
                  orders: { ...orders, basis, preview: { ...orders.preview, mapping } as OrdersPreview },
                  done: false,
                })
              }
            />
          }
        />
      )}
      <TierWordsEditor />
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
        {done && <span className="muted">{t('importDoneHint')}</span>}
      </div>
      <div data-testid="import-report" role="status" aria-live="polite">
        {running && <ProgressLine />}
        {result && <ImportReportView result={result} />}
      </div>
    </div>
  );
}

/** Rows done of the total, the rate and the time left. */
function ProgressLine() {
  const running = useImport((s) => s.running);
  if (!running) return null;
  const { progress } = running;
  if (!progress)
    return (
      <p>
        <progress aria-label={t('importRunning')} /> {t('importRunning')}
      </p>
    );
  if (progress.phase === 'orders')
    return (
      <p>
        <progress aria-label={t('importProgressOrders')} value={1} max={1} /> {t('importProgressOrders')}
      </p>
    );
  const figures = progressFigures(progress, running.samples);
  const text = t('importProgress', figures.done, figures.total);
  return (
    <p data-testid="import-progress">
      <progress aria-label={text} value={figures.done} max={figures.total} /> {text}
      {figures.rate !== null &&
        figures.secondsLeft !== null &&
        ` · ${t('importRate', Math.round(figures.rate), formatDuration(figures.secondsLeft))}`}
    </p>
  );
}

/**
 * The native file input, which keeps showing the chosen file's name; picking the same file again
 * re-reads it, and it empties when its file is let go (a new import was started with another file).
 */
function FilePick({
  label,
  testId,
  accept,
  chosen,
  disabled,
  onPick,
}: {
  label: string;
  testId: string;
  accept: string;
  chosen: boolean;
  disabled: boolean;
  onPick: (file: File | undefined) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!chosen && input.current) input.current.value = '';
  }, [chosen]);
  return (
    <label className="file">
      {label}
      <input
        ref={input}
        type="file"
        accept={accept}
        data-testid={testId}
        disabled={disabled}
        onClick={(e) => {
          // The same file picked again (after fixing it) must fire a change.
          e.currentTarget.value = '';
        }}
        onChange={(e) => onPick(e.target.files?.[0])}
      />
    </label>
  );
}

const FORMAT_NAMES: Record<Format, string> = {
  xlsx: 'Excel (.xlsx)',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1251': 'Windows-1251',
};

/** A picked file: its name and format, its sheet, its column mapping, and what the mapping still lacks. */
function Mapped({
  file,
  format,
  sheets,
  sheet,
  onSheet,
  remembered,
  problem,
  table,
}: {
  file: File;
  format: Format;
  sheets?: string[];
  sheet?: string;
  onSheet: (sheet: string) => void;
  remembered: boolean;
  problem: ReactNode;
  table: ReactNode;
}) {
  return (
    <>
      <p className="muted">
        <span translate="no">{file.name}</span> — {t('importEncoding', FORMAT_NAMES[format])}
      </p>
      {sheets && sheets.length > 1 && (
        <label className="inline">
          {t('importSheet')}{' '}
          <select data-testid="import-sheet" value={sheet} onChange={(e) => onSheet(e.target.value)}>
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      {remembered && (
        <p className="ok" data-testid="import-remembered">
          {t('importRememberedNote')}
        </p>
      )}
      {table}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
