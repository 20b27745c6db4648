import Dexie, {
  type Table,
  type Transaction,
  type DBCoreRangeType,
  type DBCoreTable,
  type DBCoreTransaction,
} from 'dexie';
import { derivedFromCustomers } from './derived';
import { addHashes, filterOf, hasRoom, keyHashes, newFilter, type KnownFilter } from '../match/known-filter';
import type { Customer } from './types';

/**
 * Keeps the filter of known identity keys true to the customers table. Every write of customers
 * stamps a new token in the same transaction; the filter counts only while it carries the
 * latest token. Small writes (an edit, a confirmed account) bring the filter up to date at once;
 * big ones (an import, a restore) leave it behind until `saveKnownIdentities` at their end.
 * A write that cannot keep it true (too many new keys for its size) leaves it stale: matching
 * then asks the index for every key, as it would without a filter.
 */
export const FILTER_KEY = 'known-identities';
export const TOKEN_KEY = 'customers-written';

export interface FilterRow extends KnownFilter {
  key: typeof FILTER_KEY;
  token: string;
}
export interface TokenRow {
  key: typeof TOKEN_KEY;
  token: string;
}
export type MetaRow = FilterRow | TokenRow;

/** Writes of up to this many customers update the stored filter at once. */
const SMALL_WRITE = 100;
const ANY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };

interface Pending {
  /** The filter within this transaction; null once it cannot be kept true. */
  filter: KnownFilter | null;
  /** Every key hash written since the base was empty: enough to size a new filter. */
  all: number[] | null;
}

const pendingByTransaction = new WeakMap<DBCoreTransaction, Promise<Pending>>();

function copyOf(filter: KnownFilter): KnownFilter {
  return { bits: filter.bits.slice(), capacity: filter.capacity, count: filter.count };
}

/** The stored filter, if it carries the latest token (readers and writers agree on this). */
export function currentFilter(token: TokenRow | undefined, row: FilterRow | undefined): FilterRow | null {
  return row && token && row.token === token.token ? row : null;
}

/**
 * Reads what the transaction starts from: both requests are issued before it returns, so that
 * they precede the write that follows in the transaction's order.
 */
async function begin(meta: DBCoreTable, customers: DBCoreTable, trans: DBCoreTransaction): Promise<Pending> {
  const [rows, { result }] = await Promise.all([
    meta.getMany({ trans, keys: [TOKEN_KEY, FILTER_KEY] }),
    customers.query({
      trans,
      values: false,
      limit: 1,
      query: { index: customers.schema.primaryKey, range: ANY },
    }),
  ]);
  const [token, row] = rows as [TokenRow?, FilterRow?];
  const current = currentFilter(token, row);
  if (current) return { filter: copyOf(current), all: null };
  return result.length ? { filter: null, all: null } : { filter: newFilter(0), all: [] };
}

function note(state: Pending, customers: readonly Customer[]): void {
  for (const customer of customers) {
    for (const key of customer.identityKeys ?? []) {
      const [h1, h2] = keyHashes(key);
      state.all?.push(h1, h2);
      // Past its size a filter lets too many strangers through: rebuilt from every key if this
      // transaction saw them all, else given up.
      if (state.filter && !hasRoom(state.filter)) state.filter = null;
      if (state.filter) addHashes(state.filter, h1, h2);
    }
  }
}

/** The token row, and the filter row beside it when there is one to keep. */
export function metaRows(filter: KnownFilter | null, token = crypto.randomUUID()): MetaRow[] {
  const rows: MetaRow[] = [{ key: TOKEN_KEY, token }];
  if (filter)
    rows.push({ key: FILTER_KEY, token, bits: filter.bits, capacity: filter.capacity, count: filter.count });
  return rows;
}

/** Writes the token, and the filter where there is one to keep, through the transaction itself. */
async function persist(transaction: Transaction, state: Pending | null): Promise<void> {
  if (state && !state.filter && state.all) state.filter = filterOf(state.all);
  await transaction.table('meta').bulkPut(metaRows(state?.filter ?? null));
}

// Everything below this layer reads Dexie's zone (PSD) when called: the write goes down at once,
// while the zone is certain; the bookkeeping follows, through the transaction.
export const knownIdentitiesMiddleware = derivedFromCustomers(
  'knownIdentities',
  'meta',
  (req, table, meta) => {
    const { trans } = req;
    // Removing customers leaves their keys in the filter: a stranger let through is looked up and
    // not found, so the filter stays true. Clearing the table starts it afresh.
    const clearing = req.type === 'deleteRange' && req.range.type === ANY.type;
    if (req.type === 'delete' || (req.type === 'deleteRange' && !clearing)) return table.mutate(req);
    const transaction = Dexie.currentTransaction;
    let started = pendingByTransaction.get(trans);
    if (!started) pendingByTransaction.set(trans, (started = begin(meta, table, trans)));
    const written = table.mutate(req);
    return (async () => {
      const [state, result] = await Promise.all([started, written]);
      if (clearing) {
        state.filter = newFilter(0);
        state.all = [];
      }
      const values = req.type === 'add' || req.type === 'put' ? (req.values as Customer[]) : [];
      note(state, values);
      await persist(transaction, values.length <= SMALL_WRITE ? state : null);
      return result;
    })();
  },
);

/** Every identity key in the base, read from the index alone (the records are never read). */
export async function hashesOfAllKeys(customers: Table<Customer, string>): Promise<number[]> {
  const hashes: number[] = [];
  await customers.orderBy('identityKeys').eachKey((key) => {
    hashes.push(...keyHashes(String(key)));
  });
  return hashes;
}

/**
 * Stores the filter as the current transaction leaves it; called at the end of a big write
 * (import, restore), inside its transaction. Where the filter could not be kept (the base had
 * none, or outgrew it), it is made anew from the index: seconds per hundred thousand keys, once.
 */
export async function saveKnownIdentities(transaction: Transaction): Promise<void> {
  const state = await pendingByTransaction.get(transaction.idbtrans as DBCoreTransaction);
  if (!state) return;
  if (!state.filter && !state.all) state.all = await hashesOfAllKeys(transaction.table('customers'));
  await persist(transaction, state);
}
