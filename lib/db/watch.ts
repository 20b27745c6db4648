import Dexie, { type ObservabilitySet } from 'dexie';
import { db, type ConciergeDb } from './schema';

export interface Watch<T> {
  value: (value: T) => void;
  error: (error: unknown) => void;
}

/**
 * Reads now, and again after writes to `tables` from any of the extension's contexts, calmly:
 * the first write after a quiet spell is read at once, a stream of them once per `everyMs` (or
 * four times as long as the last read took, if more), and the last one always. Dexie's live
 * queries re-read after every committed transaction, which during a team pull or an import is
 * every few milliseconds; re-counting 100,000 customers each time held the worker's matching
 * behind those reads (IndexedDB serves an origin's transactions in turn), and a count of a
 * million, which takes seconds, would leave the writes little time of their own. Returns a
 * function that stops watching.
 */
export function watchCalmly<T>(
  read: () => Promise<T>,
  tables: readonly string[],
  everyMs: number,
  on: Watch<T>,
  database: ConciergeDb = db(),
): () => void {
  const prefixes = tables.map((table) => `idb://${database.name}/${table}/`);
  let stopped = false;
  let reading = false;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the next read may start: reads take at most a fifth of the time while writes stream. */
  let readyAt = 0;

  const run = async () => {
    timer = undefined;
    reading = true;
    const start = Date.now();
    try {
      const value = await read();
      if (!stopped) on.value(value);
    } catch (error) {
      if (!stopped) on.error(error);
    } finally {
      reading = false;
      readyAt = Date.now() + Math.max(everyMs, 4 * (Date.now() - start));
    }
    // A write during the read may not be in what it saw.
    if (pending) schedule();
  };
  const schedule = () => {
    pending = reading;
    if (stopped || reading || timer !== undefined) return;
    timer = setTimeout(() => void run(), Math.max(0, readyAt - Date.now()));
  };
  const listener = (parts: ObservabilitySet) => {
    // "all" is Dexie's word for anything may have changed (a page back from the cache).
    if (Object.keys(parts).some((part) => part === 'all' || prefixes.some((p) => part.startsWith(p))))
      schedule();
  };

  Dexie.on.storagemutated.subscribe(listener);
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(listener);
  };
}
