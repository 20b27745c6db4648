import Dexie from 'dexie';
import type { AccountOwner, AccountRow } from '../db/accounts';
import { authorKeys } from '../db/identity';
import type { ConciergeDb } from '../db/schema';
import { currentFilter, FILTER_KEY, TOKEN_KEY, type FilterRow, type TokenRow } from '../db/known-identities';
import { mayBeKnown } from './known-filter';
import { postKey, type SocialPost } from '../post';

/**
 * Who wrote each post: the accounts of the whole batch read at once, by handle and numeric id.
 * Only accounts already linked to a customer count; name likeness is never a match here.
 */
export async function matchAuthors(
  database: ConciergeDb,
  posts: readonly Pick<SocialPost, 'site' | 'id' | 'author'>[],
): Promise<Map<string, AccountOwner | null>> {
  const keysByPost = posts.map((p) => [postKey(p), authorKeys(p.site, p.author)] as const);
  const allKeys = [...new Set(keysByPost.flatMap(([, keys]) => keys))];
  const byKey = allKeys.length ? await ownersOf(database, allKeys) : new Map<string, AccountOwner>();
  const result = new Map<string, AccountOwner | null>();
  for (const [key, keys] of keysByPost) result.set(key, keys.map((k) => byKey.get(k)).find(Boolean) ?? null);
  return result;
}

interface Known {
  /** The customers token the filter was read at. */
  token: string | undefined;
  /** The filter current at that token; null when there was none (every key is then asked). */
  filter: FilterRow | null;
}

/** Per database, the filter last read; a page or worker reads it once, not per batch. */
const knownFilters = new WeakMap<ConciergeDb, Known>();
const reading = new WeakMap<ConciergeDb, Promise<unknown>>();

/**
 * Reads the filter of known identities in a transaction of its own, so that no batch waits for
 * it: the worker starts it as it wakes, and a batch that finds it out of date starts it again.
 */
export function readKnownFilter(database: ConciergeDb): Promise<unknown> {
  const pending = reading.get(database);
  if (pending) return pending;
  const read = database
    .transaction('r', database.meta, async () => {
      const [token, row] = (await database.meta.bulkGet([TOKEN_KEY, FILTER_KEY])) as [TokenRow?, FilterRow?];
      knownFilters.set(database, { token: token?.token, filter: currentFilter(token, row) });
    })
    .catch(() => knownFilters.delete(database))
    .finally(() => reading.delete(database));
  reading.set(database, read);
  return read;
}

/**
 * One read by key per account, all issued at once on the native transaction of a Dexie one:
 * IndexedDB answers them together, and Dexie's own query path costs about as much again as the
 * reads. Dexie still opens, reopens and scopes the transaction.
 *
 * Keys the filter of known identities rules out are not read. The token read beside the first
 * reads says whether that filter is still current; if another page wrote customers meanwhile,
 * the keys held back are read after all, and the filter is read anew for the next batch.
 */
function ownersOf(database: ConciergeDb, keys: readonly string[]): Promise<Map<string, AccountOwner>> {
  const known = knownFilters.get(database);
  return database.transaction(
    'r',
    database.accounts,
    database.meta,
    (tx) =>
      new Promise<Map<string, AccountOwner>>((resolve, reject) => {
        const accounts = tx.idbtrans.objectStore('accounts');
        const found = new Map<string, AccountOwner>();
        const asked = new Set<string>();
        let waiting = 1;
        const settle = () => {
          if (--waiting === 0) resolve(found);
        };
        const ask = (key: string) => {
          asked.add(key);
          waiting++;
          const request = accounts.get(key);
          request.onsuccess = () => {
            const row = request.result as AccountRow | undefined;
            if (row) found.set(key, { customerId: row.customerId, name: row.name, tier: row.tier });
            settle();
          };
          request.onerror = () => reject(request.error);
        };
        for (const key of keys) if (!known?.filter || mayBeKnown(known.filter, key)) ask(key);
        const token = tx.idbtrans.objectStore('meta').get(TOKEN_KEY);
        token.onsuccess = () => {
          if (!known || known.token !== (token.result as TokenRow | undefined)?.token) {
            for (const key of keys) if (!asked.has(key)) ask(key);
            // Outside this transaction's zone: Dexie would otherwise take it for a nested one.
            void Dexie.ignoreTransaction(() => readKnownFilter(database));
          }
          settle();
        };
        token.onerror = () => reject(token.error);
      }),
  );
}
