/**
 * Benchmark hooks in the service worker, where matching runs: its own thread, shared with no
 * extension page (an extension's pages share one main thread, so a page would also measure the
 * options page's work). Compiled into the background only by `npm run bench`.
 */
import { authorKeys } from '@/lib/db/identity';
import type { ConciergeDb } from '@/lib/db/schema';
import { matchAuthors } from '@/lib/match/identity';
import type { SocialPost } from '@/lib/post';

/** The baseline: every key read through the customers' index, as matching did before the accounts table. */
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

/**
 * Exact identity lookups of batches of X handles: the milliseconds of each batch, by matching
 * and by the index baseline, in turns (which goes first alternates) so both meet the same disk.
 */
async function lookups(
  database: ConciergeDb,
  handles: string[][],
): Promise<{ matching: number[]; baseline: number[] }> {
  const matching: number[] = [];
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
      [() => everyKeyFromIndex(database, keys), baseline],
    ];
    const turn = n % runs.length;
    for (const [run, times] of [...runs.slice(turn), ...runs.slice(0, turn)]) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  }
  return { matching, baseline };
}

export function exposeWorkerBench(database: ConciergeDb): void {
  Object.assign(globalThis, {
    conciergeBench: { lookups: (handles: string[][]) => lookups(database, handles) },
  });
}
