/**
 * Records pulled from the team server, written into this copy. The agent's own changes still
 * waiting in the outbox are merged over each pulled record, as the server will merge them when
 * they arrive: the copy shows the agent's work at once and ends where the team ends.
 */
import type { Transaction } from 'dexie';
import * as v from 'valibot';
import { withDerived } from '../db/customers';
import { CustomerSchema, InteractionSchema, RejectionSchema } from '../db/records';
import type { Customer } from '../db/types';
import { TemplateSchema } from '../replies/templates-io';
import {
  diffRecord,
  mergeRecord,
  PRIMARY_KEY,
  SHARED_TABLES,
  type Change,
  type Doc,
  type SharedTable,
} from './changes';
import { recordRef, type OutboxRow, type TeamLink } from './outbox';
import { markShared } from './share';

export const PulledRecordSchema = v.strictObject({
  t: v.picklist(SHARED_TABLES),
  k: v.pipe(v.string(), v.minLength(1), v.maxLength(400)),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  doc: v.nullable(v.record(v.string(), v.unknown())),
});
export type Pulled = v.InferOutput<typeof PulledRecordSchema>;

const SCHEMAS: Record<SharedTable, v.GenericSchema> = {
  customers: CustomerSchema,
  interactions: InteractionSchema,
  rejections: RejectionSchema,
  templates: TemplateSchema,
};

export interface Applied {
  written: number;
  deleted: number;
  /** Records the server sent that are not records of ours: left out, never written. */
  refused: number;
}

function listIn<K, T>(map: Map<K, T[]>, key: K): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Writes pulled records and moves the cursor, in the caller's transaction. */
export async function applyPulled(
  tx: Transaction,
  records: readonly Pulled[],
  cursor: number,
  at: string,
): Promise<Applied> {
  const outcome: Applied = { written: 0, deleted: 0, refused: 0 };
  const link = await tx.table<TeamLink, string>('team').get('team');
  // The agent left the team while this pull was on its way: nothing of it is written.
  if (!link) return outcome;
  const refs = records.map((r) => recordRef(r.t, r.k));
  const pending = await tx.table<OutboxRow, number>('outbox').where('keys').anyOf(refs).sortBy('seq');
  // Written table by table in bulk: a page of a first pull is hundreds of records.
  const puts = new Map<SharedTable, Doc[]>();
  const deletes = new Map<SharedTable, string[]>();
  // The agent's unsent changes by record, in the order they were made.
  const unsent = new Map<string, Change[]>();
  for (const row of pending)
    for (const change of row.changes) {
      const ref = recordRef(change.t, change.k);
      listIn(unsent, ref).push(change);
    }
  for (const record of records) {
    let doc: Doc | null = record.doc && { ...record.doc };
    for (const change of unsent.get(recordRef(record.t, record.k)) ?? [])
      doc = mergeRecord(doc, change, record.doc === null);
    if (!doc) {
      listIn(deletes, record.t).push(record.k);
      outcome.deleted++;
      continue;
    }
    const parsed = v.safeParse(SCHEMAS[record.t], { ...doc, [PRIMARY_KEY[record.t]]: record.k });
    if (!parsed.success) {
      outcome.refused++;
      continue;
    }
    const value = parsed.output as Doc;
    const updatedAt = (value.updatedAt as string | undefined) ?? at;
    listIn(puts, record.t).push(
      record.t === 'customers' ? { ...withDerived(value as unknown as Customer, updatedAt) } : value,
    );
    outcome.written++;
  }
  for (const [t, keys] of deletes) await tx.table(t).bulkDelete(keys);
  for (const [t, docs] of puts) {
    const table = tx.table<Doc, string>(t);
    const keys = docs.map((d) => String(d[PRIMARY_KEY[t]]));
    const held = await table.bulkGet(keys);
    // Records new to this copy are added: nothing they replace is read again (../db/accounts).
    const fresh = docs.filter((_, i) => !held[i]);
    // What this copy holds already (the agent's own records coming back) is not written again.
    const changed = docs.filter((doc, i) => held[i] && diffRecord(t, keys[i]!, held[i], doc) !== null);
    await Promise.all([fresh.length && table.bulkAdd(fresh), changed.length && table.bulkPut(changed)]);
  }
  await markShared(tx, refs);
  await tx.table<TeamLink, string>('team').update('team', { cursor: Math.max(link.cursor, cursor) });
  return outcome;
}
