import { beforeEach, describe, expect, it } from 'vitest';
import { importDrafts } from '../import/apply';
import { exportBackup, parseBackup, restoreBackup } from '../import/backup';
import type { CustomerField, Mapping } from '../import/columns';
import { runImport } from '../import/job';
import { random } from '../../bench/data';
import { deleteCustomer, newCustomer, saveCustomer, type CustomerDraft } from './customers';
import { identityFrom } from './identity';
import { ConciergeDb } from './schema';
import type { Customer, Tier } from './types';

const onX = (name: string, ...handles: string[]): CustomerDraft => ({
  name,
  identities: handles.map((h) => identityFrom('x', h, 'imported')),
});

/**
 * The accounts table says what the customers say: a row for every key some live customer holds,
 * none for any other, each naming one of its holders with that holder's name and tier.
 */
async function expectTrue(database: ConciergeDb): Promise<void> {
  const holders = new Map<string, Customer[]>();
  for (const c of await database.customers.toArray()) {
    if (c.deletedAt) continue;
    for (const key of c.identityKeys) holders.set(key, [...(holders.get(key) ?? []), c]);
  }
  const rows = await database.accounts.toArray();
  expect(rows.map((r) => r.key).sort()).toEqual([...holders.keys()].sort());
  for (const row of rows) {
    const owner = holders.get(row.key)?.find((c) => c.id === row.customerId);
    expect(owner, `the owner of ${row.key}`).toBeDefined();
    expect(row).toEqual({ key: row.key, customerId: owner!.id, name: owner!.name, tier: owner!.tier });
  }
}

const ownerOf = async (database: ConciergeDb, key: string) => (await database.accounts.get(key))?.customerId;

let database: ConciergeDb;
beforeEach(() => {
  database = new ConciergeDb(`accounts-${crypto.randomUUID()}`);
});

describe('the accounts table', () => {
  it('follows adds, edits of name, tier and accounts, soft and hard deletes', async () => {
    const ada = newCustomer(onX('Ada Lane', 'ada', 'ada_two'));
    await database.customers.add(ada);
    expect(await database.accounts.get('x:ada')).toEqual({
      key: 'x:ada',
      customerId: ada.id,
      name: 'Ada Lane',
      tier: 'regular',
    });

    const edited = await saveCustomer(database, {
      ...ada,
      name: 'Ada Lane-Moss',
      tier: 'vip',
      identities: ada.identities.slice(0, 1),
    });
    expect(await database.accounts.get('x:ada')).toMatchObject({ name: 'Ada Lane-Moss', tier: 'vip' });
    expect(await database.accounts.get('x:ada_two')).toBeUndefined();
    await expectTrue(database);

    await database.customers.update(ada.id, { tier: 'gold' });
    expect((await database.accounts.get('x:ada'))?.tier).toBe('gold');

    await saveCustomer(database, { ...edited, deletedAt: '2026-12-01T00:00:00.000Z' });
    expect(await database.accounts.count()).toBe(0);
    await saveCustomer(database, { ...edited, deletedAt: undefined });
    expect(await ownerOf(database, 'x:ada')).toBe(ada.id);

    await deleteCustomer(database, ada.id);
    expect(await database.accounts.count()).toBe(0);
  });

  it('hands an account held twice to the other holder when one lets it go, and empties with the customers', async () => {
    const first = newCustomer(onX('First', 'shared', 'mine'), '2026-01-01T00:00:00.000Z');
    const second = newCustomer(onX('Second', 'shared'), '2026-01-02T00:00:00.000Z');
    await database.customers.bulkAdd([first, second]);
    expect(await ownerOf(database, 'x:shared')).toBe(second.id);
    await deleteCustomer(database, second.id);
    expect(await ownerOf(database, 'x:shared')).toBe(first.id);
    await expectTrue(database);

    await database.customers.clear();
    expect(await database.accounts.count()).toBe(0);
  });

  it('follows modify() and deletes of a range', async () => {
    await importDrafts(
      database,
      Array.from({ length: 30 }, (_, i) => onX(`Person ${i}`, `p${i}`)),
    );
    await database.customers
      .where('nameWords')
      .equals('person')
      .modify((c: Customer) => {
        c.tier = 'vip';
      });
    expect((await database.accounts.toArray()).every((r) => r.tier === 'vip')).toBe(true);
    const ids = (await database.customers.orderBy(':id').primaryKeys()).slice(5, 15);
    await database.customers.where(':id').between(ids[0]!, ids.at(-1)!, true, true).delete();
    expect(await database.accounts.count()).toBe(20);
    await expectTrue(database);
  });

  it('is left as it was by a write whose transaction fails', async () => {
    await database.customers.add(newCustomer(onX('Kept', 'kept')));
    await expect(
      database.transaction('rw', database.customers, async () => {
        await database.customers.add(newCustomer(onX('Lost', 'lost')));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await database.accounts.toArray()).map((r) => r.key)).toEqual(['x:kept']);
  });

  it(
    'follows an import in chunks, the same file imported again with changes, and a restore',
    { timeout: 60_000 },
    async () => {
      const file = (tier: string) =>
        [
          'name,x,tier',
          ...Array.from({ length: 2500 }, (_, i) => `Person ${i},@person_${i},${i % 2 ? tier : 'regular'}`),
        ].join('\n');
      const mapping = ['name', 'x', 'tier'] as Mapping<CustomerField>;
      await runImport(database, { customers: { text: file('regular'), mapping } });
      expect(await database.accounts.count()).toBe(2500);
      await runImport(database, { customers: { text: file('vip'), mapping } });
      expect((await database.accounts.get('x:person_2499'))?.tier).toBe('vip');
      await expectTrue(database);

      const parsed = parseBackup(await exportBackup(database));
      if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
      const restored = new ConciergeDb(`accounts-${crypto.randomUUID()}`);
      await restoreBackup(restored, parsed.backup);
      expect(await restored.accounts.toArray()).toEqual(await database.accounts.toArray());
    },
  );

  it('stays true over a long run of random writes', { timeout: 60_000 }, async () => {
    const r = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
    const handles = Array.from({ length: 12 }, (_, i) => `h${i}`);
    const tiers: Tier[] = ['vip', 'gold', 'regular', 'new'];
    for (let step = 0; step < 150; step++) {
      const all = await database.customers.toArray();
      const some = all.length ? pick(all) : null;
      const op = Math.floor(r() * 7);
      if (op === 0 || !some)
        await database.customers.add(newCustomer(onX(`C${step}`, pick(handles), pick(handles))));
      else if (op === 1)
        await saveCustomer(database, {
          ...some,
          identities: [identityFrom('x', pick(handles), 'manual')],
          name: `C${step}`,
        });
      else if (op === 2)
        await saveCustomer(database, {
          ...some,
          tier: pick(tiers),
          deletedAt: r() < 0.5 ? '2026-12-01T00:00:00.000Z' : undefined,
        });
      else if (op === 3) await deleteCustomer(database, some.id);
      else if (op === 4)
        await database.customers.bulkPut([
          newCustomer(onX(`B${step}`, pick(handles))),
          { ...some, identities: [], identityKeys: [] },
        ]);
      else if (op === 5) await database.customers.bulkDelete(all.slice(0, 2).map((c) => c.id));
      else await importDrafts(database, [onX(`I${step}`, pick(handles)), onX(`J${step}`, `fresh${step}`)]);
      await expectTrue(database);
    }
  });
});
