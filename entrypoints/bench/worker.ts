/**
 * Benchmark hooks in the service worker, where matching runs: its own thread, shared with no
 * extension page (an extension's pages share one main thread, so a page would also measure the
 * options page's work). Compiled into the background only by `npm run bench`.
 */
import { authorKeys } from '@/lib/db/identity';
import type { ConciergeDb } from '@/lib/db/schema';
import { matchAuthors } from '@/lib/match/identity';
import type { SocialPost } from '@/lib/post';

/** The baseline: every key read from the index, as matching did before the filter of known accounts. */
function everyKeyFromIndex(database: ConciergeDb, keys: string[]): Promise<unknown> {
  return database.transaction(
    'r',
    database.customers,
    (tx) =>
      new Promise<void>((resolve, reject) => {
        const index = tx.idbtrans.objectStore('customers').index('identityKeys');
        let waiting = keys.length;
        for (const key of keys) {
          const request = index.getAll(key);
          request.onsuccess = () => --waiting === 0 && resolve();
          request.onerror = () => reject(request.error);
        }
      }),
  );
}

/** The accounts table alone, read with Dexie's bulkGet: matching as it would be without the filter. */
function accountsTable(database: ConciergeDb, keys: string[]): Promise<unknown> {
  return database.accounts.bulkGet(keys);
}

/**
 * Exact identity lookups of batches of X handles: the milliseconds of each batch, by matching,
 * by the accounts table alone and by the index baseline, in turns (which goes first rotates) so
 * that all three meet the same disk.
 */
async function lookups(
  database: ConciergeDb,
  handles: string[][],
): Promise<{ matching: number[]; table: number[]; baseline: number[] }> {
  const matching: number[] = [];
  const table: number[] = [];
  const baseline: number[] = [];
  for (const [n, batch] of handles.entries()) {
    const posts: Pick<SocialPost, 'site' | 'id' | 'author'>[] = batch.map((handle, i) => ({
      site: 'x',
      id: String(i),
      author: { handle, displayName: handle, profileUrl: '' },
    }));
    const keys = [...new Set(posts.flatMap((p) => authorKeys(p.site, p.author)))];
    const runs: [() => Promise<unknown>, number[]][] = [
      [() => matchAuthors(database, posts), matching],
      [() => accountsTable(database, keys), table],
      [() => everyKeyFromIndex(database, keys), baseline],
    ];
    const turn = n % runs.length;
    for (const [run, times] of [...runs.slice(turn), ...runs.slice(0, turn)]) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  }
  return { matching, table, baseline };
}

export function exposeWorkerBench(database: ConciergeDb): void {
  Object.assign(globalThis, {
    conciergeBench: { lookups: (handles: string[][]) => lookups(database, handles) },
  });
}
