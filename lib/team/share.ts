/**
 * What was on the device before the agent joined a team, and sharing it. Joining marks every
 * record the agent had as unshared (./outbox.ts): it stays on this device, and changes to it stay
 * too, until the agent chooses to share it. Sharing sends each record whole; a customer the team
 * already has (the same CRM id, e-mail, account or phone) is merged into the team's record
 * instead, so that two agents who imported one CRM export do not give the team each customer twice.
 */
import type { Table, Transaction } from 'dexie';
import { withDerived } from '../db/customers';
import type { Customer, Rejection } from '../db/types';
import { customersKnownBy, keysOf } from '../import/apply';
import { elementKey, MAX_CHANGES, SET_FIELDS, SHARED_TABLES, type Doc, type SharedTable } from './changes';
import { queueWhole, recordRef, type UnsharedRow } from './outbox';

/** A sample customer: the demo's people, who never reach a team. */
const isSample = (c: Customer) =>
  c.identities.some((i) => i.source === 'sample') || c.lifeEvents.some((e) => e.source === 'sample');

/** Marks every record now on the device as unshared: what joining a team does first. */
export async function markUnshared(tx: Transaction): Promise<void> {
  const unshared = tx.table<UnsharedRow, string>('unshared');
  await unshared.clear();
  for (const t of SHARED_TABLES) {
    const keys = await tx.table<Doc, string>(t).toCollection().primaryKeys();
    await unshared.bulkPut(keys.map((k) => ({ ref: recordRef(t, String(k)) })));
  }
  await markSamples(tx);
}

/** Marks the sample customers as this device's alone, for good: joining and loading them in a team do. */
export async function markSamples(tx: Transaction): Promise<void> {
  // Found through the tags index: every sample customer has the tag, and a base has few others.
  const tagged = await tx.table<Customer, string>('customers').where('tags').equals('sample').toArray();
  await tx
    .table<UnsharedRow, string>('unshared')
    .bulkPut(tagged.filter(isSample).map((c) => ({ ref: recordRef('customers', c.id), sample: 1 as const })));
}

/** Pulled records are the team's: they are no longer this device's alone. */
export async function markShared(tx: Transaction, refs: readonly string[]): Promise<void> {
  const unshared = tx.table<UnsharedRow, string>('unshared');
  // Most agents have nothing unshared: one count instead of a delete per pulled record.
  if (await unshared.count()) await unshared.bulkDelete(refs as string[]);
}

/** How many records could be shared now (sample customers never are). */
export async function shareable(unshared: Table<UnsharedRow, string>): Promise<number> {
  const [all, samples] = await Promise.all([unshared.count(), unshared.where('sample').equals(1).count()]);
  return all - samples;
}

export interface Shared {
  /** Records sent to the team whole. */
  sent: number;
  /** Customers the team already had, merged into the team's record. */
  merged: number;
  /** Records still to share. */
  left: number;
}

const splitRef = (ref: string): [SharedTable, string] => {
  const bar = ref.indexOf('|');
  return [ref.slice(0, bar) as SharedTable, ref.slice(bar + 1)];
};

/**
 * The team's customer with what this device knew of them added: the team's fields stay, the
 * device's fill the gaps, and every list keeps the elements of both.
 */
export function absorb(team: Customer, local: Customer, at: string): Customer {
  const merged: Doc = { ...(local as unknown as Doc), ...(team as unknown as Doc) };
  for (const field of SET_FIELDS.customers) {
    const list = new Map<string, unknown>();
    // The team's elements first and as the team has them; the device's added after.
    for (const doc of [team, local] as unknown as Doc[])
      for (const e of (doc[field] as unknown[] | undefined) ?? []) {
        const key = elementKey(field, e);
        if (!list.has(key)) list.set(key, e);
      }
    merged[field] = [...list.values()];
  }
  merged.preferences = { ...local.preferences, ...team.preferences };
  merged.createdAt = local.createdAt < team.createdAt ? local.createdAt : team.createdAt;
  if (local.lastContactAt && (!team.lastContactAt || local.lastContactAt > team.lastContactAt))
    merged.lastContactAt = local.lastContactAt;
  return withDerived(merged as unknown as Customer, at);
}

/**
 * Shares up to one push's worth of unshared records, in the caller's captured transaction (with
 * the shared tables, `unshared` and the outbox). Called again until nothing is left.
 */
export async function shareSome(tx: Transaction, at: string): Promise<Shared> {
  const unshared = tx.table<UnsharedRow, string>('unshared');
  const batch = await unshared
    .filter((r) => !r.sample)
    .limit(MAX_CHANGES)
    .toArray();
  const outcome: Shared = { sent: 0, merged: 0, left: 0 };
  const byTable = new Map<SharedTable, string[]>();
  for (const { ref } of batch) {
    const [t, k] = splitRef(ref);
    byTable.set(t, [...(byTable.get(t) ?? []), k]);
  }
  for (const [t, keys] of byTable) {
    const found = (await tx.table<Doc, string>(t).bulkGet(keys)).filter((d): d is Doc => !!d);
    const whole =
      t === 'customers' ? await mergeKnown(tx, found as unknown as Customer[], at, outcome) : found;
    // Unmarked first: from here on, the records' changes are the team's.
    await unshared.bulkDelete(keys.map((k) => recordRef(t, k)));
    await queueWhole(tx, t, whole);
    outcome.sent += whole.length;
  }
  outcome.left = await shareable(unshared);
  return outcome;
}

/**
 * Merges each customer the team already has into the team's record (the local copy goes, with
 * the agent's "not this customer" answers moved over); the rest are returned, to be sent whole.
 */
async function mergeKnown(tx: Transaction, locals: Customer[], at: string, outcome: Shared): Promise<Doc[]> {
  const customers = tx.table<Customer, string>('customers');
  const unshared = tx.table<UnsharedRow, string>('unshared');
  const candidates = await customersKnownBy(
    customers,
    locals.filter((c) => !c.deletedAt),
  );
  const local = await unshared.bulkGet(candidates.map((c) => recordRef('customers', c.id)));
  const byKey = new Map<string, Customer>();
  candidates.forEach((c, i) => {
    if (local[i] || c.deletedAt) return;
    for (const key of keysOf(c)) if (!byKey.has(key)) byKey.set(key, c);
  });
  const whole: Doc[] = [];
  const merged = new Map<string, Customer>();
  for (const c of locals) {
    const key = c.deletedAt ? undefined : keysOf(c).find((k) => byKey.has(k));
    const team = key && byKey.get(key);
    if (!team) {
      // A deleted customer who was never the team's has nothing to tell it.
      if (!c.deletedAt) whole.push(c as unknown as Doc);
      continue;
    }
    merged.set(team.id, absorb(merged.get(team.id) ?? team, c, at));
    outcome.merged++;
    await moveRejections(tx, c.id, team.id);
    // Still unshared here: deleting it queues nothing.
    await customers.delete(c.id);
  }
  if (merged.size) await customers.bulkPut([...merged.values()]);
  return whole;
}

async function moveRejections(tx: Transaction, from: string, to: string): Promise<void> {
  const rejections = tx.table<Rejection, string>('rejections');
  const moved = await rejections.where('customerId').equals(from).toArray();
  if (!moved.length) return;
  await rejections.bulkDelete(moved.map((r) => r.key));
  await rejections.bulkPut(moved.map((r) => ({ ...r, key: `${r.authorKey}|${to}`, customerId: to })));
}
