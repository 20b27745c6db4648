import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportBackup, parseBackup, restoreBackup } from '../import/backup';
import { importDrafts } from '../import/apply';
import type { CustomerField, Mapping } from '../import/columns';
import { runImport } from '../import/job';
import { mayBeKnown } from '../match/known-filter';
import { matchAuthors, readKnownFilter } from '../match/identity';
import { deleteCustomer, newCustomer, saveCustomer, type CustomerDraft } from './customers';
import { identityFrom } from './identity';
import { currentFilter, FILTER_KEY, TOKEN_KEY, type FilterRow, type TokenRow } from './known-identities';
import { ConciergeDb } from './schema';

const onX = (handle: string): CustomerDraft => ({
  name: `Named ${handle}`,
  identities: [identityFrom('x', handle, 'imported')],
});
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => onX(`${prefix}${i}`));
const authors = (handles: string[]) =>
  handles.map((handle, i) => ({
    site: 'x' as const,
    id: String(i),
    author: { handle, displayName: handle, profileUrl: '' },
  }));

async function stored(database: ConciergeDb): Promise<FilterRow | null> {
  const [token, row] = (await database.meta.bulkGet([TOKEN_KEY, FILTER_KEY])) as [TokenRow?, FilterRow?];
  return currentFilter(token, row);
}

async function whoWrote(database: ConciergeDb, handle: string): Promise<string | undefined> {
  return (await matchAuthors(database, authors([handle]))).get('x:0')?.name;
}

let name: string;
let database: ConciergeDb;
beforeEach(() => {
  name = `known-${crypto.randomUUID()}`;
  database = new ConciergeDb(name);
});
afterEach(() => vi.restoreAllMocks());

describe('the filter of known identities', () => {
  it('is left current by an import, holding every key it wrote', async () => {
    await importDrafts(database, many('customer', 300));
    const filter = await stored(database);
    expect(filter?.count).toBe(300);
    for (let i = 0; i < 300; i++) expect(mayBeKnown(filter!, `x:customer${i}`)).toBe(true);
  });

  it(
    'is left current by a file import in chunks, and by importing the file again',
    { timeout: 60_000 },
    async () => {
      const lines = ['name,x'];
      for (let i = 0; i < 2100; i++) lines.push(`Person ${i},@person_${i}`);
      const request = {
        customers: { text: lines.join('\n'), mapping: ['name', 'x'] as Mapping<CustomerField> },
      };
      for (const run of [1, 2]) {
        const outcome = await runImport(database, request);
        expect(outcome.ok && outcome.report.added).toBe(run === 1 ? 2100 : 0);
        const filter = await stored(database);
        expect(filter?.count).toBeGreaterThan(2050);
        expect(['x:person_0', 'x:person_1999', 'x:person_2099'].every((k) => mayBeKnown(filter!, k))).toBe(
          true,
        );
      }
    },
  );

  it('spares the index the strangers it rules out, once read', async () => {
    await importDrafts(database, many('customer', 300));
    await readKnownFilter(database);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const strangers = Array.from({ length: 50 }, (_, i) => `nobody${i}`);
    const result = await matchAuthors(database, authors(['customer1', 'customer299', ...strangers]));
    expect(result.get('x:0')?.name).toBe('Named customer1');
    expect(result.get('x:1')?.name).toBe('Named customer299');
    expect([...result.values()].filter(Boolean)).toHaveLength(2);
    // Two customers, and the few strangers a Bloom filter lets through.
    const reads = get.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'accounts').length;
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(reads).toBeLessThanOrEqual(6);
  });

  it('matches at once a customer another page just wrote, small write or big', async () => {
    const page = new ConciergeDb(name);
    await importDrafts(page, many('customer', 300));
    await readKnownFilter(database);
    expect(await whoWrote(database, 'customer7')).toBe('Named customer7');

    await page.customers.add(newCustomer(onX('newcomer')));
    expect(mayBeKnown((await stored(page))!, 'x:newcomer')).toBe(true);
    expect(await whoWrote(database, 'newcomer')).toBe('Named newcomer');

    // A big write outside an import leaves the filter stale: every key is read again.
    await page.customers.bulkPut(many('bulk', 150).map((d) => newCustomer(d)));
    expect(await stored(page)).toBeNull();
    expect(await whoWrote(database, 'bulk149')).toBe('Named bulk149');
    await readKnownFilter(database);
    expect(await whoWrote(database, 'bulk3')).toBe('Named bulk3');
  });

  it('learns an account linked to a customer by an edit', async () => {
    await importDrafts(database, many('customer', 120));
    await readKnownFilter(database);
    const customer = (await database.customers.where('identityKeys').equals('x:customer5').first())!;
    await saveCustomer(database, {
      ...customer,
      identities: [...customer.identities, identityFrom('x', 'second_account', 'confirmed')],
    });
    expect(mayBeKnown((await stored(database))!, 'x:second_account')).toBe(true);
    expect(await whoWrote(database, 'second_account')).toBe('Named customer5');
  });

  it('stays current when customers are deleted, and starts afresh when all are cleared', async () => {
    await importDrafts(database, many('customer', 120));
    const gone = (await database.customers.where('identityKeys').equals('x:customer0').first())!;
    await deleteCustomer(database, gone.id);
    expect(await stored(database)).not.toBeNull();
    expect(await whoWrote(database, 'customer0')).toBeUndefined();

    await database.customers.clear();
    expect((await stored(database))?.count).toBe(0);
    await database.customers.add(newCustomer(onX('fresh')));
    expect((await stored(database))?.count).toBe(1);
    expect(await whoWrote(database, 'fresh')).toBe('Named fresh');
  });

  it('is saved by a restore from backup', async () => {
    const source = new ConciergeDb(`known-${crypto.randomUUID()}`);
    await importDrafts(source, many('restored', 200));
    const parsed = parseBackup(await exportBackup(source));
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    await restoreBackup(database, parsed.backup);
    const filter = await stored(database);
    expect(filter?.count).toBe(200);
    expect(mayBeKnown(filter!, 'x:restored199')).toBe(true);
  });

  it('is given up when the base outgrows it, matching still finds everyone, and the next import makes it anew', async () => {
    await importDrafts(database, many('first', 10));
    const { capacity } = (await stored(database))!;
    for (let i = 0; i * 100 < capacity; i++)
      await database.customers.bulkPut(many(`batch${i}_`, 100).map((d) => newCustomer(d)));
    expect(await stored(database)).toBeNull();
    await readKnownFilter(database);
    expect(await whoWrote(database, 'batch0_99')).toBe('Named batch0_99');
    expect(await whoWrote(database, 'first3')).toBe('Named first3');

    await importDrafts(database, many('late', 3));
    const remade = await stored(database);
    const everyKey = (await database.customers.toArray()).flatMap((c) => c.identityKeys);
    expect(everyKey.length).toBeGreaterThan(capacity);
    expect(everyKey.every((k) => mayBeKnown(remade!, k))).toBe(true);
  });
});
