/**
 * Hooks for bench/run.ts, in the extension's own origin: the real import and search code on the
 * real IndexedDB, and a raw IndexedDB writer for the baseline (matching is measured in the service
 * worker, where it runs: ./worker.ts). Built only by `npm run bench`.
 */
import { generateCustomers } from '../../bench/data';
import { newCustomer } from '@/lib/db/customers';
import { identityFrom } from '@/lib/db/identity';
import { accountRows } from '@/lib/db/accounts';
import { ConciergeDb, DB_NAME } from '@/lib/db/schema';
import type { Customer } from '@/lib/db/types';
import { guessCustomerMapping } from '@/lib/import/columns';
import { customerFromRow } from '@/lib/import/csv';
import { IN_FLIGHT } from '@/lib/import/job';
import { readTable } from '@/lib/import/table';
import { searchCustomers } from '@/lib/db/search';

let prepared: Customer[] = [];

/** Same customer records the import would write, ready before the clock starts. */
function prepare(text: string): number {
  const table = readTable(text);
  if (!table.ok) throw new Error(table.problems[0]?.message);
  const mapping = guessCustomerMapping(table.header);
  prepared = table.rows.flatMap((row) => {
    const read = customerFromRow(row.fields, mapping);
    return 'draft' in read ? [newCustomer(read.draft)] : [];
  });
  return prepared.length;
}

/** The stores an import writes. */
const WRITTEN = ['customers', 'accounts'];

/**
 * A database for a baseline, opened with the bare API. Without `indexes`, the real schema (made
 * by Dexie, so indexes cannot drift from the app's); with them, the stores an import writes with
 * their primary keys and only the named indexes of the real schema ([] is the physical floor).
 */
async function openRaw(name: string, indexes?: readonly string[]): Promise<IDBDatabase> {
  const schema = new ConciergeDb(name);
  if (!indexes) {
    await schema.open();
    schema.close();
  }
  const tables = schema.tables.filter((t) => WRITTEN.includes(t.name));
  const open = indexedDB.open(name);
  open.onupgradeneeded = () => {
    for (const table of tables) {
      const { primKey } = table.schema;
      const store = open.result.createObjectStore(table.name, { keyPath: primKey.keyPath ?? null });
      for (const index of table.schema.indexes.filter((i) => indexes?.includes(i.name)))
        store.createIndex(index.name, index.keyPath!, { multiEntry: index.multi, unique: index.unique });
    }
  };
  return new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/**
 * One transaction, chunk by chunk, as many chunks in flight as the import keeps (a new one
 * issued as one is written), as an importer reading a file must; each customer's accounts beside
 * it, as the import leaves them.
 */
function writeChunks(idb: IDBDatabase, nextChunk: () => Customer[] | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['customers', 'accounts'], 'readwrite');
    const store = tx.objectStore('customers');
    const accounts = tx.objectStore('accounts');
    let issued = false;
    const next = () => {
      if (issued) return;
      let last: IDBRequest | null = null;
      const chunk = nextChunk() ?? [];
      for (const record of chunk) last = store.put(record);
      // A store at a time, as the import writes them.
      for (const row of chunk.flatMap(accountRows)) last = accounts.put(row);
      if (last) return void (last.onsuccess = next);
      issued = true;
    };
    for (let i = 0; i < IN_FLIGHT; i++) next();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function dropRaw(name: string): Promise<unknown> {
  return new Promise((r) => (indexedDB.deleteDatabase(name).onsuccess = r));
}

/**
 * The baseline: the prepared records written with the bare IndexedDB API in one transaction, with
 * the real schema's indexes or only those named (see openRaw).
 */
async function rawWrite(indexes?: string[]): Promise<number> {
  const name = `bench-raw-${Date.now()}`;
  const idb = await openRaw(name, indexes);
  let at = 0;
  const start = performance.now();
  await writeChunks(idb, () => (at < prepared.length ? prepared.slice(at, (at += 2000)) : null));
  const ms = performance.now() - start;
  idb.close();
  await dropRaw(name);
  return ms;
}

/** The options page's customer search: each query; '' is the next page of the whole list from deep in it. */
async function searches(queries: string[]): Promise<number[]> {
  const database = new ConciergeDb(DB_NAME);
  const times: number[] = [];
  const total = await database.customers.count();
  for (const [i, query] of queries.entries()) {
    const deep = query
      ? null
      : await database.customers
          .orderBy('[name+id]')
          .offset(Math.floor((total * (i + 1)) / (queries.length + 1)))
          .first();
    const start = performance.now();
    await searchCustomers(database, query, 0, 50, deep ? [deep.name, deep.id] : null);
    times.push(performance.now() - start);
  }
  database.close();
  return times;
}

/**
 * A million customers written straight into the real database (raw IndexedDB, chunk by chunk,
 * made on the fly so they never sit in memory together): the baseline for a million-row import,
 * and the base the million-customer lookups run against. Returns the milliseconds of writing.
 */
async function fillRaw(total: number, name = DB_NAME, indexes?: string[]): Promise<number> {
  const idb = await openRaw(name, indexes);
  const CHUNK = 5000;
  let making = 0;
  let at = 0;
  const start = performance.now();
  await writeChunks(idb, () => {
    if (at >= total) return null;
    const made0 = performance.now();
    const made = generateCustomers(Math.min(CHUNK, total - at), 9 + at).map((c, i) =>
      newCustomer({
        name: c.name,
        emails: [c.email],
        phones: [c.phone],
        identities: [identityFrom('x', `${c.handle}${at + i}`, 'imported')],
        tags: ['bench'],
      }),
    );
    at += made.length;
    making += performance.now() - made0;
    return made;
  });
  idb.close();
  // The time of writing alone: making the records is the generator's cost, not the disk's.
  const ms = performance.now() - start - making;
  if (name !== DB_NAME) await dropRaw(name);
  return ms;
}

async function count(): Promise<number> {
  const database = new ConciergeDb(DB_NAME);
  const n = await database.customers.count();
  database.close();
  return n;
}

Object.assign(window, { conciergeBench: { prepare, rawWrite, searches, count, fillRaw } });
