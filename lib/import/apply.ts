import Dexie from 'dexie';
import { v5 as nameBasedId } from 'uuid';
import { newCustomer, phoneKeysOf, withDerived, type CustomerDraft } from '../db/customers';
import { emailKey, identityKeysOf } from '../db/identity';
import type { ConciergeDb } from '../db/schema';
import type { Customer } from '../db/types';
import type { OrderRow } from './csv';
import type { ImportProblem } from './table';
import { problemOf, say } from './said';

export interface ImportCounts {
  added: number;
  updated: number;
}

const union = <T>(a: readonly T[], b: readonly T[], key: (v: T) => string = String): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((v) => !seen.has(key(v)))];
};

/** What a row says wins; lists grow without repeats; nothing known is dropped. */
function merge(existing: Customer, draft: CustomerDraft): Customer {
  return withDerived({
    ...existing,
    name: draft.name,
    aliases: union(existing.aliases, draft.aliases ?? []),
    emails: union(existing.emails, draft.emails ?? []),
    phones: union(existing.phones, draft.phones ?? []),
    identities: union(
      existing.identities,
      draft.identities ?? [],
      (i) => `${i.site}:${(i.id ?? i.handle).toLowerCase()}`,
    ),
    tags: union(existing.tags, draft.tags ?? []),
    tier: draft.tier ?? existing.tier,
    language: draft.language ?? existing.language,
    // An id and its source go together: a row's id replaces the other system's. The same id from
    // a spreadsheet (a CRM's export saved again, or Concierge's own) is still that system's.
    crmId: draft.crmId ?? existing.crmId,
    crmSource:
      draft.crmId && !(draft.crmId === existing.crmId && draft.crmSource === 'sheet')
        ? draft.crmSource
        : existing.crmSource,
    preferences: { ...existing.preferences, ...draft.preferences },
    lifeEvents: union(existing.lifeEvents, draft.lifeEvents ?? [], (e) => `${e.date} ${e.kind} ${e.text}`),
    notes: union(existing.notes, draft.notes ?? [], (n) => n.text),
    orders: union(existing.orders, draft.orders ?? [], (o) => o.id),
  });
}

type Keyed = Pick<Customer, 'crmId' | 'crmSource' | 'emails' | 'identities' | 'phones'>;

/** A CRM id's key: within its source, or bare for an id kept without one. */
const crmKey = (id: string, source?: string) => (source ? `crm:${source}:${id}` : `crm:${id}`);

/**
 * Every key a customer can be found by, in the order rows are matched: CRM id (within its
 * source), email, account, phone.
 */
export function keysOf(c: Keyed): string[] {
  return [
    ...(c.crmId ? [crmKey(c.crmId, c.crmSource)] : []),
    ...c.emails.map((e) => `email:${emailKey(e)}`),
    ...identityKeysOf(c.identities).map((k) => `id:${k}`),
    ...phoneKeysOf(c.phones).map((p) => `phone:${p}`),
  ];
}

/** Concierge's namespace for ids made from a customer's key (name-based ids, RFC 9562). */
const KEY_NAMESPACE = '273e3db3-d8ce-4ff3-a2ce-7dfbd31b4cad';

/**
 * The id of a customer an import adds in a team: made from their first key, so that agents who
 * import one export make the same records, and their team merges them instead of keeping two of
 * each. Without a key (a name alone), a new id.
 */
export function importedId(keys: readonly string[]): string | undefined {
  return keys.length ? nameBasedId(keys[0]!, KEY_NAMESPACE) : undefined;
}

/** A row's keys in a customer's shape: a row may leave any list out. */
const keyedDraft = (d: CustomerDraft): Keyed => ({
  crmId: d.crmId,
  crmSource: d.crmSource,
  emails: d.emails ?? [],
  identities: d.identities ?? [],
  phones: d.phones ?? [],
});

/** The customers that any of `people` names by CRM id, e-mail, account or phone: four index reads. */
export async function customersKnownBy(
  customers: ConciergeDb['customers'],
  people: readonly Keyed[],
): Promise<Customer[]> {
  const crmIds = people.flatMap((d) => (d.crmId ? [d.crmId] : []));
  const emails = people.flatMap((d) => d.emails.map(emailKey));
  const identities = people.flatMap((d) => identityKeysOf(d.identities));
  const phones = people.flatMap((d) => phoneKeysOf(d.phones));
  const found = await Promise.all([
    crmIds.length ? customers.where('crmId').anyOf(crmIds).toArray() : [],
    emails.length ? customers.where('emails').anyOf(emails).toArray() : [],
    identities.length ? customers.where('identityKeys').anyOf(identities).toArray() : [],
    phones.length ? customers.where('phoneKeys').anyOf(phones).toArray() : [],
  ]);
  return found.flat();
}

/**
 * Writes a chunk of customer rows: a row that names a known CRM id, email, social account or
 * phone updates that customer instead of adding a copy. `customers` is bound to the caller's
 * transaction (read-write), so that a failure anywhere undoes the whole import. Resolves once
 * the writes are issued, with their completion: the caller may read the next chunk meanwhile.
 */
export async function writeCustomers(
  customers: ConciergeDb['customers'],
  drafts: readonly CustomerDraft[],
  counts: ImportCounts,
  options: WriteOptions = {},
): Promise<{ written: Promise<unknown> }> {
  if (!drafts.length) return { written: Promise.resolve() };
  // Into an empty base every row is new (rows repeating one another were skipped when read).
  const found = options.emptyBase ? [] : await customersKnownBy(customers, drafts.map(keyedDraft));
  const byKey = new Map<string, Customer>();
  for (const customer of found) {
    if (customer.deletedAt) continue;
    for (const key of keysOf(customer)) if (!byKey.has(key)) byKey.set(key, customer);
  }
  const merged = new Map<string, Customer>();
  const added: { customer: Customer; draft: CustomerDraft }[] = [];
  for (const draft of drafts) {
    const keys = keysOf(keyedDraft(draft));
    // An id kept without its source (imported before sources, or typed by hand) matches any source.
    const lookup = draft.crmId && draft.crmSource ? [keys[0]!, crmKey(draft.crmId), ...keys.slice(1)] : keys;
    const key = lookup.find((k) => byKey.has(k));
    const existing = key ? byKey.get(key)! : null;
    if (existing) {
      merged.set(existing.id, merge(merged.get(existing.id) ?? existing, draft));
      counts.updated++;
    } else {
      const id = options.sameIds ? importedId(keys) : undefined;
      added.push({ customer: newCustomer(draft, undefined, id), draft });
      counts.added++;
    }
  }
  // Wrapped: an async function returning the promise itself would wait for it.
  return {
    written: Promise.all([
      added.length && addOrMerge(customers, added, counts),
      merged.size && customers.bulkPut([...merged.values()]),
    ]),
  };
}

/**
 * New customers are added, not put: nothing they replace has to be read first (../db/accounts).
 * An id already held is the same first key on a customer the keys did not find (its key was
 * edited away since, or a teammate's record arrived meanwhile): that customer takes the row.
 */
async function addOrMerge(
  customers: ConciergeDb['customers'],
  added: readonly { customer: Customer; draft: CustomerDraft }[],
  counts: ImportCounts,
): Promise<void> {
  try {
    await customers.bulkAdd(added.map((a) => a.customer));
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const failed = Object.entries(error.failuresByPos);
    if (failed.some(([, e]) => e.name !== 'ConstraintError')) throw error;
    const rows = failed.map(([at]) => added[Number(at)]!);
    const held = await customers.bulkGet(rows.map((r) => r.customer.id));
    await customers.bulkPut(rows.map((r, i) => (held[i] ? merge(held[i], r.draft) : r.customer)));
    counts.added -= rows.length;
    counts.updated += rows.length;
  }
}

export interface WriteOptions {
  /** The base held no customers when the import began: nothing to look up. */
  emptyBase?: boolean;
  /**
   * In a team, ids made from keys (importedId). Elsewhere nobody else imports into this base, and
   * time-ordered ids keep the store appending (../db/customers).
   */
  sameIds?: boolean;
}

/** Simple entry for callers with all rows at hand: one transaction, all or nothing. */
export async function importDrafts(
  database: ConciergeDb,
  drafts: readonly CustomerDraft[],
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0 };
  await database.transaction('rw', database.customers, async (transaction) => {
    await (
      await writeCustomers(transaction.table('customers'), drafts, counts)
    ).written;
  });
  return counts;
}

const ORDER_CHUNK = 2000;

/**
 * Who, of the customers holding one CRM id, an order naming it belongs to: the one from the
 * orders' own system; else the only one whose id has no source, or, for orders from a plain
 * spreadsheet, the only one of any source. Two systems' customers 7 leave a sheet's order for 7
 * to nobody rather than to the wrong one.
 */
function orderedBy(held: readonly Customer[], source: string | undefined): Customer | undefined {
  const own = source && held.find((c) => c.crmSource === source);
  if (own) return own;
  const loose = source === 'sheet' || !source ? held : held.filter((c) => !c.crmSource);
  return loose.length === 1 ? loose[0] : undefined;
}

/**
 * Adds orders to the customers they name (by email, or by CRM id within the orders file's
 * source), through a table bound to the caller's transaction.
 * An order already on the customer (same number) is replaced by the file's version. Returns the
 * rows that name nobody.
 */
export async function attachOrders(
  customers: ConciergeDb['customers'],
  orders: readonly OrderRow[],
  counts: { orders: number },
  source?: string,
): Promise<ImportProblem[]> {
  const unmatched: ImportProblem[] = [];
  for (let i = 0; i < orders.length; i += ORDER_CHUNK) {
    const chunk = orders.slice(i, i + ORDER_CHUNK);
    const keys = [...new Set(chunk.map((o) => o.customer))];
    const [byEmail, byCrm] = await Promise.all([
      customers.where('emails').anyOf(keys).toArray(),
      customers.where('crmId').anyOf(keys).toArray(),
    ]);
    const byKey = new Map<string, Customer>();
    const holding = new Map<string, Customer[]>();
    for (const c of byCrm) {
      if (c.deletedAt) continue;
      const held = holding.get(c.crmId!);
      if (held) held.push(c);
      else holding.set(c.crmId!, [c]);
    }
    for (const [id, held] of holding) {
      const customer = orderedBy(held, source);
      if (customer) byKey.set(id, customer);
    }
    for (const c of byEmail) {
      if (c.deletedAt) continue;
      for (const e of c.emails) byKey.set(emailKey(e), c);
    }
    const changed = new Map<string, Customer>();
    for (const row of chunk) {
      const customer = byKey.get(row.customer);
      if (!customer) {
        unmatched.push(problemOf(row.line, say('orderUnknownCustomer', row.customer.slice(0, 80))));
        continue;
      }
      const current = changed.get(customer.id) ?? customer;
      changed.set(customer.id, {
        ...current,
        orders: [...current.orders.filter((o) => o.id !== row.order.id), row.order],
      });
      counts.orders++;
    }
    await customers.bulkPut([...changed.values()].map((c) => withDerived(c)));
  }
  return unmatched;
}
