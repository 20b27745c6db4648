import { beforeEach, describe, expect, it } from 'vitest';
import { deleteCustomer, newCustomer } from './customers';
import { identityFrom } from './identity';
import { loadSample } from './sample';
import { ConciergeDb } from './schema';
import { searchCustomers } from './search';

describe('searching customers', () => {
  let database: ConciergeDb;
  beforeEach(async () => {
    database = new ConciergeDb(`search-${crypto.randomUUID()}`);
    await loadSample(database);
  });

  const names = async (q: string) => (await searchCustomers(database, q, 0, 50)).customers.map((c) => c.name);

  it('finds by any word of the name, accents and case aside, and across Cyrillic and Latin', async () => {
    expect(await names('willis')).toEqual(['Lorena Willis']);
    expect(await names('tomas')).toEqual(['Tomás Rivera']);
    expect(await names('Alisa')).toEqual(['Алиса Андреева']);
    expect(await names('соколов')).toEqual(['Дмитрий Соколов']);
    expect(await names('lorena wi')).toEqual(['Lorena Willis']);
    expect(await names('lorena x')).toEqual([]);
  });

  it('finds by email, handle, tag, phone digits and CRM id', async () => {
    expect(await names('mei.tanaka@')).toEqual(['Mei Tanaka']);
    expect(await names('@dsokolov')).toEqual(['Дмитрий Соколов']);
    expect(await names('coffee')).toEqual(['Алиса Андреева']);
    expect(await names('+1 555 0100')).toEqual(['Lorena Willis']);
    await database.customers.add(newCustomer({ name: 'Zed', crmId: 'HS-77' }));
    expect(await names('HS-77')).toEqual(['Zed']);
  });

  it('pages through everyone in name order, each page from where the last ended', async () => {
    const first = await searchCustomers(database, '', 0, 2);
    const second = await searchCustomers(database, '', 1, 2, first.next);
    expect(first.next).toBeDefined();
    expect([...first.customers, ...second.customers].map((c) => c.name)).toEqual([
      'Lorena Willis',
      'Mei Tanaka',
      'Tomás Rivera',
      'Алиса Андреева',
    ]);
  });

  it('deletes a customer with the posts seen from them and the answers about them', async () => {
    const lorena = (await database.customers.where('emails').equals('lorena.willis@example.com').first())!;
    const other = newCustomer({ name: 'Other', identities: [identityFrom('x', 'other', 'manual')] });
    await database.customers.add(other);
    const seen = (authorKey: string, key: string) => ({
      key,
      site: 'x' as const,
      postId: key,
      url: 'https://x.com/a/status/1',
      kind: 'post' as const,
      author: { handle: 'a', displayName: 'A', profileUrl: 'https://x.com/a' },
      authorKey,
      text: 'hi',
      seenAt: '2026-11-01T00:00:00.000Z',
      status: 'open' as const,
      replies: [],
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    await database.interactions.bulkPut([
      seen('x:lorenawillis', 'x:1'),
      seen('facebook:lorena.willis.77', 'x:2'),
      seen('x:other', 'x:3'),
    ]);
    await database.rejections.put({
      key: `x:someone|${lorena.id}`,
      authorKey: 'x:someone',
      customerId: lorena.id,
      at: '2026-11-01T00:00:00.000Z',
    });
    await deleteCustomer(database, lorena.id);
    expect(await database.customers.get(lorena.id)).toBeUndefined();
    expect((await database.interactions.toArray()).map((i) => i.key)).toEqual(['x:3']);
    expect(await database.rejections.count()).toBe(0);
    expect(await database.customers.count()).toBe(5);
  });
});
