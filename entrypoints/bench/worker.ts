/**
 * Benchmark hooks in the service worker, where matching runs: its own thread, shared with no
 * extension page (an extension's pages share one main thread, so a page would also measure the
 * options page's work). Compiled into the background only by `npm run bench`.
 */
import type { ConciergeDb } from '@/lib/db/schema';
import { matchAuthors } from '@/lib/match/identity';
import type { SocialPost } from '@/lib/model';

/** Exact identity lookups of batches of X handles; the milliseconds of each batch. */
async function lookups(database: ConciergeDb, handles: string[][]): Promise<number[]> {
  const times: number[] = [];
  for (const batch of handles) {
    const posts: Pick<SocialPost, 'site' | 'id' | 'author'>[] = batch.map((handle, i) => ({
      site: 'x',
      id: String(i),
      author: { handle, displayName: handle, profileUrl: '' },
    }));
    const start = performance.now();
    await matchAuthors(database, posts);
    times.push(performance.now() - start);
  }
  return times;
}

export function exposeWorkerBench(database: ConciergeDb): void {
  Object.assign(globalThis, { conciergeBench: { lookups: (handles: string[][]) => lookups(database, handles) } });
}
