import type { ConciergeDb } from '../db/schema';
import { applyInTransaction, inTeam, mutation } from '../db/mutations';
import type { ImportCounts } from './apply';
import { customerMappingProblem, type CustomerField, type Mapping, type OrderField } from './columns';
import { customerRow, DuplicateCheck, parseOrdersCsv } from './csv';
import type { TierWords } from './tiers';
import { streamTable, TableError, type ImportProblem, type TextPieces } from './table';
import { isSaid, problemOf, say } from './said';

export interface ImportRequest {
  /** The customers file's text: whole, or in pieces as it is read from the file. */
  customers?: { text: string | TextPieces; mapping: Mapping<CustomerField> };
  orders?: { text: string; mapping: Mapping<OrderField> };
  /** The user's words for tiers (Options); the defaults otherwise. */
  tierWords?: TierWords;
}

/** Rows done of the total (estimated from the lines of the file until the end). */
export interface JobProgress {
  phase: 'customers' | 'orders';
  rows: number;
  total: number;
}

export interface ImportReport extends ImportCounts {
  orders: number;
  /** Rows left out, each with its line and why; the first MAX_LISTED of them. */
  skipped: ImportProblem[];
  skippedCount: number;
  /** Cells left out of rows that were imported, each with its line, column and why; the first MAX_LISTED. */
  flagged: ImportProblem[];
  flaggedCount: number;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; problems: ImportProblem[] };

export interface ImportHooks {
  onProgress?: (progress: JobProgress) => void;
  /** Asked between chunks; true stops the import and undoes it. */
  stopped?: () => boolean;
}

export class ImportStopped extends Error {
  constructor() {
    super('The import was stopped; nothing was changed.');
  }
}

/**
 * Rows a write carries. A chunk's rows live until its write completes, so the worker's collector
 * moves them to its old generation; smaller chunks keep that lower (at 100,000 rows, 500 a chunk
 * peaked 20–45 MB below 2,000, at the same speed: bench/summary.md).
 */
const CHUNK = 500;
/** Chunks written at once: enough to keep the database busy, few enough to hold in memory. */
export const IN_FLIGHT = 2;
const MAX_LISTED = 1000;

/**
 * A problem copied for the report: its values are cut from a piece of the file, and
 * the engine may keep the whole piece alive for each of them until the import ends.
 */
const kept = (problem: ImportProblem): ImportProblem => structuredClone(problem);

/**
 * A whole import, customers then orders, in one transaction: it succeeds whole or changes
 * nothing, whether it fails, is stopped, or its page or worker goes away half-way (IndexedDB
 * aborts a transaction whose context ends). Re-running it updates rather than duplicates.
 */
export async function runImport(
  database: ConciergeDb,
  request: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportOutcome> {
  const report: ImportReport = {
    added: 0,
    updated: 0,
    orders: 0,
    skipped: [],
    skippedCount: 0,
    flagged: [],
    flaggedCount: 0,
  };
  const skip = (problem: ImportProblem) => {
    report.skippedCount++;
    if (report.skipped.length < MAX_LISTED) report.skipped.push(kept(problem));
  };

  if (request.customers) {
    const problem = customerMappingProblem(request.customers.mapping);
    if (problem) return { ok: false, problems: [problemOf(1, problem)] };
  }
  // Orders are few next to customers and must be whole before anything is written.
  const orders = request.orders ? parseOrdersCsv(request.orders.text, request.orders.mapping) : null;
  if (orders && !orders.ok) return { ok: false, problems: orders.problems };
  const fromOrders = (p: ImportProblem) =>
    skip({ ...p, message: say('ordersFile', p.message).message, ordersFile: true });
  orders?.skipped.forEach(fromOrders);

  try {
    await database.transaction(
      'rw',
      [database.customers, database.team, database.outbox],
      async (transaction) => {
        // Bound to this transaction: the chunks are written from the parser's callbacks, which
        // Dexie's zone (how it finds the current transaction) does not always reach.
        const customers: ConciergeDb['customers'] = transaction.table('customers');
        // In a team, every chunk's customers are queued for the server with the chunk itself.
        const team = await inTeam(transaction);
        if (request.customers) {
          const { text, mapping } = request.customers;
          const duplicates = new DuplicateCheck();
          const emptyBase = (await customers.count()) === 0;
          // Chunks' writes run while the next chunk is read, and a second chunk waits queued behind
          // the first, so the database never idles while this thread prepares its next requests.
          const writing: Promise<unknown>[] = [];
          await streamTable(text, CHUNK, async (header, chunk, { read, total }) => {
            if (hooks.stopped?.()) throw new ImportStopped();
            const drafts = [];
            for (const row of chunk) {
              const result = customerRow(row, header, mapping, duplicates, request.tierWords);
              if (isSaid(result)) skip(problemOf(row.line, result));
              else {
                drafts.push(result.draft);
                for (const { column, said } of result.flags) {
                  report.flaggedCount++;
                  const problem = { ...problemOf(row.line, said), column };
                  if (report.flagged.length < MAX_LISTED) report.flagged.push(kept(problem));
                }
              }
            }
            if (writing.length >= IN_FLIGHT) await writing.shift();
            const batch = mutation('importBatch', { drafts, emptyBase });
            const { counts, written } = await applyInTransaction(batch, database, transaction, team);
            // Read once written: a row whose id was already held turns from added to updated.
            const counted = written.then(() => {
              report.added += counts.added;
              report.updated += counts.updated;
            });
            // Once one write has failed the import, those behind it fail with the transaction: the
            // first failure is the import's, and theirs must not surface as unhandled.
            counted.catch(() => undefined);
            writing.push(counted);
            hooks.onProgress?.({ phase: 'customers', rows: read, total });
          });
          for (const written of writing) await written;
        }
        if (orders?.ok) {
          if (hooks.stopped?.()) throw new ImportStopped();
          const attached = await applyInTransaction(
            mutation('importOrders', { orders: orders.orders, source: orders.source }),
            database,
            transaction,
            team,
          );
          report.orders += attached.orders;
          attached.unmatched.forEach(fromOrders);
          const count = orders.orders.length;
          hooks.onProgress?.({ phase: 'orders', rows: count, total: count });
        }
      },
    );
  } catch (error) {
    if (error instanceof TableError) return { ok: false, problems: error.problems };
    throw error;
  }
  report.skipped.sort((a, b) => a.line - b.line);
  return { ok: true, report };
}
