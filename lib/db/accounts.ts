import type { DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Table } from 'dexie';
import { derivedFromCustomers } from './derived';
import type { Customer, Tier } from './types';

/**
 * Who each social account belongs to, one row per identity key: what a badge needs (the
 * customer's id, name and tier) in a single read by primary key. Matching runs for every post on
 * a page; an index read would cost a seek, a check of the record's version and a read of the
 * whole record, about twice the time of a read by key, more while the disk compacts.
 *
 * The rows are derived from the customers table and kept true by the middleware below, in the
 * transaction of each write. An account linked to several customers (the agent may link it
 * twice) belongs to the one written last.
 */
export interface AccountRow {
  key: string;
  customerId: string;
  name: string;
  tier: Tier;
}

/** What a match says of a customer: their row without its key. */
export type AccountOwner = Omit<AccountRow, 'key'>;

export function accountRows(customer: Customer): AccountRow[] {
  if (customer.deletedAt) return [];
  return (customer.identityKeys ?? []).map((key) => ({
    key,
    customerId: customer.id,
    name: customer.name,
    tier: customer.tier,
  }));
}

const EQUAL = 1 as DBCoreRangeType;
const ANY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined };
const equal = (key: string) => ({ type: EQUAL, lower: key, upper: key, lowerOpen: false, upperOpen: false });

/** The customer holding the key whose row it should be: the one written last, by its time. */
function latest(holders: readonly Customer[]): Customer | undefined {
  let best: Customer | undefined;
  for (const c of holders)
    if (
      !c.deletedAt &&
      (!best || c.updatedAt > best.updatedAt || (c.updatedAt === best.updatedAt && c.id > best.id))
    )
      best = c;
  return best;
}

/**
 * Rows of keys some customer stopped holding (edited away, deleted, or a failed write), made
 * anew from the customers index once the write is done: another holder takes the row, or it goes.
 */
async function settle(
  customers: DBCoreTable,
  accounts: DBCoreTable,
  trans: DBCoreTransaction,
  keys: Iterable<string>,
): Promise<void> {
  const byKeys = customers.schema.getIndexByKeyPath('identityKeys')!;
  const put: AccountRow[] = [];
  const gone: string[] = [];
  await Promise.all(
    [...new Set(keys)].map(async (key) => {
      const { result } = await customers.query({
        trans,
        values: true,
        query: { index: byKeys, range: equal(key) },
      });
      const owner = latest(result as Customer[]);
      if (owner) put.push({ key, customerId: owner.id, name: owner.name, tier: owner.tier });
      else gone.push(key);
    }),
  );
  await Promise.all([
    put.length ? accounts.mutate({ type: 'put', trans, values: put }) : null,
    gone.length ? accounts.mutate({ type: 'delete', trans, keys: gone }) : null,
  ]);
}

/** The keys each customer held before the write, by id. */
function keysById(records: readonly (Customer | undefined)[]): Map<string, string[]> {
  const held = new Map<string, string[]>();
  for (const c of records) if (c && !c.deletedAt) held.set(c.id, c.identityKeys ?? []);
  return held;
}

/** Keys held before and not after: by every customer removed, or rewritten without them. */
function dropped(
  before: Map<string, string[]>,
  after: readonly Customer[],
  failed: ReadonlySet<number>,
): string[] {
  const now = new Map<string, Set<string>>();
  after.forEach((c, i) => !failed.has(i) && now.set(c.id, new Set(accountRows(c).map((r) => r.key))));
  const keys: string[] = [];
  for (const [id, held] of before) for (const key of held) if (!now.get(id)?.has(key)) keys.push(key);
  return keys;
}

/** The records a write replaces or removes, as they were; an add replaces none. */
function heldBefore(customers: DBCoreTable, req: DBCoreMutateRequest): Promise<(Customer | undefined)[]> {
  const { trans } = req;
  switch (req.type) {
    case 'add':
      return Promise.resolve([]);
    case 'put':
      return customers.getMany({ trans, keys: req.values.map((c: Customer) => c.id) });
    case 'delete':
      return customers.getMany({ trans, keys: req.keys });
    case 'deleteRange':
      return customers
        .query({ trans, values: true, query: { index: customers.schema.primaryKey, range: req.range } })
        .then((r) => r.result as Customer[]);
  }
}

export const accountsMiddleware = derivedFromCustomers('accounts', 'accounts', (req, customers, accounts) => {
  const { trans } = req;
  if (req.type === 'deleteRange' && req.range.type === ANY.type) {
    return Promise.all([
      customers.mutate(req),
      accounts.mutate({ type: 'deleteRange', trans, range: ANY }),
    ]).then(([result]) => result);
  }
  // What the customers held before, read ahead of the write in the transaction's order.
  const before = heldBefore(customers, req);
  const written = customers.mutate(req);
  const values = req.type === 'add' || req.type === 'put' ? (req.values as Customer[]) : [];
  // New rows go down with the write itself: an import's chunks never wait for them.
  const rows = values.flatMap(accountRows);
  const rowsWritten = rows.length ? accounts.mutate({ type: 'put', trans, values: rows }) : null;
  return Promise.all([before, written, rowsWritten]).then(async ([old, result]) => {
    const failed = new Set(Object.keys(result.failures).map(Number));
    const stale = dropped(keysById(old), values, failed);
    // A failed write's rows were put all the same: made anew from what the base holds.
    for (const i of failed) stale.push(...(values[i]?.identityKeys ?? []));
    if (stale.length) await settle(customers, accounts, trans, stale);
    return result;
  });
});

/**
 * Makes every row anew from the customers, a page at a time (for the upgrade that brings the
 * table in): an account held by several customers goes to the one last in id order.
 */
export async function rebuildAccounts(
  customers: Table<Customer, string>,
  accounts: Table<AccountRow, string>,
): Promise<void> {
  await accounts.clear();
  let after: string | null = null;
  for (;;) {
    const page: Customer[] = await (
      after === null ? customers.toCollection() : customers.where(':id').above(after)
    )
      .limit(2000)
      .toArray();
    if (!page.length) return;
    await accounts.bulkPut(page.flatMap(accountRows));
    after = page.at(-1)!.id;
  }
}
