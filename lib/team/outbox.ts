/**
 * The changes waiting to reach the team server. While the agent is in a team, every write a shared
 * mutation makes to a shared table is turned into record changes (./changes.ts) by this Dexie
 * middleware and queued in the outbox, in the same transaction: a mutation and its queued
 * changes commit together or not at all, and nothing is lost while the server is away.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Transaction,
} from 'dexie';
import {
  diffRecord,
  MAX_CHANGES,
  PRIMARY_KEY,
  SHARED_TABLES,
  type Change,
  type Doc,
  type SharedTable,
} from './changes';

/** The agent's link to a team; there is no row at all outside a team. */
export interface TeamLink {
  key: 'team';
  /** The server's origin, e.g. https://team.example.com */
  url: string;
  token: string;
  team: string;
  agent: string;
  agentId: string;
  role: 'admin' | 'agent';
  /** The team version this copy has pulled up to. */
  cursor: number;
  joinedAt: string;
  /** Changes the server refused for good since joining: dropped, and told to the agent. */
  refused?: number;
}

/** One part of a local mutation, waiting to be pushed. */
export interface OutboxRow {
  seq?: number;
  /** The client mutation id (the mutation's own id). */
  mutation: string;
  part: number;
  name: string;
  at: string;
  changes: Change[];
  /** `${table}|${key}` of each record changed: what a pull merges these changes over. */
  keys: string[];
}

/**
 * A record that was on this device before the agent joined the team: it stays on the device, and
 * changes to it are not queued, until the agent shares it (../team/share.ts). Pulling the record
 * from the team makes it the team's.
 */
export interface UnsharedRow {
  /** recordRef of the record. */
  ref: string;
  /** One of the sample customers, which never reach a team (a number: booleans are no index keys). */
  sample?: 1;
}

export const recordRef = (t: string, k: string) => `${t}|${k}`;

interface Capture {
  mutation: string;
  name: string;
  at: string;
  part: number;
  /** Whether any record is unshared, read once per transaction: most teams have none. */
  localOnly?: Promise<boolean>;
}

const captures = new WeakMap<object, Capture>();

/**
 * Marks a shared mutation's transaction, once it has read that the agent is in a team: its
 * writes to shared tables are queued for the server. Unmarked writes pass straight through.
 */
export function captureFor(tx: Transaction, mutation: { id: string; name: string; at: string }): void {
  captures.set(tx.idbtrans, { mutation: mutation.id, name: mutation.name, at: mutation.at, part: 0 });
}

/** Whether this transaction's writes are queued for a team (read without a request of its own). */
export function capturing(tx: Transaction): boolean {
  return captures.has(tx.idbtrans);
}

const isShared = (name: string): name is SharedTable => (SHARED_TABLES as readonly string[]).includes(name);

/** Without `derived` fields and Dexie's own, as a plain record. */
const plain = (value: unknown): Doc | undefined =>
  value && typeof value === 'object' ? (value as Doc) : undefined;

/**
 * The records a write replaces or removes, as they were, with their keys: read ahead of the
 * write, in the transaction's order, and issued before it (as ../db/accounts.ts does).
 */
function heldBefore(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<{ keys: unknown[]; before: unknown[] }> {
  const { trans } = req;
  const keyPath = table.schema.primaryKey.keyPath as string;
  switch (req.type) {
    case 'add':
    case 'put': {
      const keys = req.keys ?? req.values.map((v) => (v as Doc)[keyPath]);
      return req.type === 'add'
        ? Promise.resolve({ keys, before: [] })
        : table.getMany({ trans, keys }).then((before) => ({ keys, before }));
    }
    case 'delete':
      return table.getMany({ trans, keys: req.keys }).then((before) => ({ keys: req.keys, before }));
    case 'deleteRange':
      return table
        .query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
        .then(({ result }) => ({ keys: result.map((v) => (v as Doc)[keyPath]), before: result }));
  }
}

function outboxRows(capture: Capture, changes: readonly Change[]): OutboxRow[] {
  const rows: OutboxRow[] = [];
  // A big write (an import's chunk, a restored backup) goes as several parts of one push's size.
  for (let i = 0; i < changes.length; i += MAX_CHANGES) {
    const slice = changes.slice(i, i + MAX_CHANGES);
    rows.push({
      mutation: capture.mutation,
      part: capture.part++,
      name: capture.name,
      at: capture.at,
      changes: slice,
      keys: [...new Set(slice.map((c) => recordRef(c.t, c.k)))],
    });
  }
  return rows;
}

async function queue(
  outbox: DBCoreTable,
  trans: DBCoreTransaction,
  capture: Capture,
  changes: Change[],
): Promise<void> {
  const rows = outboxRows(capture, changes);
  if (rows.length) await outbox.mutate({ type: 'add', trans, values: rows });
}

/**
 * Queues records as the team's from now on, whole, in a captured transaction that holds the
 * outbox: what sharing a record that was this device's alone sends (a plain write of a record
 * that does not change would queue nothing).
 */
export async function queueWhole(tx: Transaction, t: SharedTable, docs: readonly Doc[]): Promise<void> {
  const capture = captures.get(tx.idbtrans);
  if (!capture) return;
  const changes = docs.flatMap((doc) => diffRecord(t, String(doc[PRIMARY_KEY[t]]), undefined, doc) ?? []);
  const rows = outboxRows(capture, changes);
  if (rows.length) await tx.table<OutboxRow, number>('outbox').bulkAdd(rows);
}

// DBCoreRangeType.Any: a const enum, which the bundler cannot inline from a declaration file.
const EVERY_KEY = { type: 3 } as unknown as DBCoreKeyRange;

/** The changes to records that are the team's: those to unshared records stay on the device. */
async function teamsOnly(
  unshared: DBCoreTable,
  trans: DBCoreTransaction,
  capture: Capture,
  changes: Change[],
): Promise<Change[]> {
  capture.localOnly ??= unshared
    .query({ trans, values: false, limit: 1, query: { index: unshared.schema.primaryKey, range: EVERY_KEY } })
    .then(({ result }) => result.length > 0);
  if (!changes.length || !(await capture.localOnly)) return changes;
  const found = await unshared.getMany({ trans, keys: changes.map((c) => recordRef(c.t, c.k)) });
  return changes.filter((_, i) => found[i] === undefined);
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'team-outbox',
  create(down) {
    const present = (name: string) => down.schema.tables.some((t) => t.name === name);
    return {
      ...down,
      transaction(stores, mode, options) {
        // A write to a shared table may queue changes: the outbox and the link come along.
        const scope =
          mode === 'readwrite' && present('outbox') && stores.some(isShared)
            ? [...new Set([...stores, 'outbox', 'team', ...(present('unshared') ? ['unshared'] : [])])]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(tableName) {
        const table = down.table(tableName);
        if (!isShared(tableName) || !present('outbox')) return table;
        const outbox = down.table('outbox');
        const unshared = present('unshared') ? down.table('unshared') : null;
        const queued = (req: DBCoreMutateRequest, capture: Capture): Promise<DBCoreMutateResponse> => {
          const held = heldBefore(table, req);
          const written = table.mutate(req);
          return Promise.all([held, written]).then(async ([{ keys, before }, result]) => {
            const failed = new Set(Object.keys(result.failures).map(Number));
            const after: readonly unknown[] = req.type === 'add' || req.type === 'put' ? req.values : [];
            const changes: Change[] = [];
            keys.forEach((key, i) => {
              if (failed.has(i)) return;
              const change = diffRecord(tableName, String(key), plain(before[i]), plain(after[i]));
              if (change) changes.push(change);
            });
            const shared = unshared ? await teamsOnly(unshared, req.trans, capture, changes) : changes;
            await queue(outbox, req.trans, capture, shared);
            return result;
          });
        };
        const mutate = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
          const capture = captures.get(req.trans);
          return capture ? queued(req, capture) : table.mutate(req);
        };
        return { ...table, mutate };
      },
    };
  },
};
