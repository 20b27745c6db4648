import { beforeEach, describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { recordSeen, interactionsOf } from '../db/interactions';
import { loadSample } from '../db/sample';
import { ConciergeDb } from '../db/schema';
import type { SocialPost } from '../post';
import { matchAuthors } from './identity';

const post = (id: string, handle: string, extra: Partial<SocialPost> = {}): SocialPost => ({
  site: 'x',
  id,
  url: `https://x.com/${handle}/status/${id}`,
  kind: 'post',
  author: { handle, displayName: handle, profileUrl: `https://x.com/${handle}` },
  text: `post ${id}`,
  ...extra,
});

let database: ConciergeDb;
beforeEach(async () => {
  database = new ConciergeDb(`test-${crypto.randomUUID()}`);
  await loadSample(database);
});

describe('matchAuthors', () => {
  it('matches handles without regard to case, and leaves strangers unmatched', async () => {
    const result = await matchAuthors(database, [
      post('1', 'LorenaWillis'),
      post('2', 'alisa_andreeva'),
      post('3', 'nobody'),
    ]);
    expect(result.get('x:1')?.name).toBe('Lorena Willis');
    expect(result.get('x:2')?.name).toBe('Алиса Андреева');
    expect(result.get('x:3')).toBeNull();
  });

  it('does not match a handle of another site, nor a deleted customer', async () => {
    const fb = { ...post('4', 'lorenawillis'), site: 'facebook' as const };
    const deleted = newCustomer({
      name: 'Gone',
      identities: [{ site: 'x', handle: 'gone', source: 'manual', addedAt: '' }],
    });
    await database.customers.put({ ...deleted, deletedAt: '2026-01-02T00:00:00.000Z' });
    const result = await matchAuthors(database, [fb, post('5', 'gone')]);
    expect(result.get('facebook:4')).toBeNull();
    expect(result.get('x:5')).toBeNull();
  });

  it('matches a numeric site id', async () => {
    const c = newCustomer({
      name: 'By Id',
      identities: [{ site: 'facebook', handle: '', id: '100042', source: 'manual', addedAt: '' }],
    });
    await database.customers.put(c);
    const p = {
      ...post('6', ''),
      site: 'facebook' as const,
      author: { handle: '', displayName: 'By Id', profileUrl: '', id: '100042' },
    };
    expect((await matchAuthors(database, [p])).get('facebook:6')?.customerId).toBe(c.id);
  });
});

describe('recordSeen', () => {
  it('records a post once however often it is seen, and lists a customer’s interactions', async () => {
    await recordSeen(
      database,
      [post('10', 'lorenawillis'), post('10', 'lorenawillis')],
      '2026-11-01T00:00:00.000Z',
    );
    await database.interactions.update('x:10', { status: 'replied' });
    await recordSeen(
      database,
      [post('10', 'lorenawillis'), post('11', 'LorenaWillis')],
      '2026-11-02T00:00:00.000Z',
    );
    expect(await database.interactions.count()).toBe(2);
    const first = await database.interactions.get('x:10');
    expect(first?.status).toBe('replied');
    expect(first?.seenAt).toBe('2026-11-01T00:00:00.000Z');
    const lorena = (await database.customers.get(
      (await matchAuthors(database, [post('10', 'lorenawillis')])).get('x:10')!.customerId,
    ))!;
    expect((await interactionsOf(database, lorena.identityKeys)).map((i) => i.postId)).toEqual(['11', '10']);
  });
});

describe('loadSample', () => {
  it('replaces the sample customers when loaded again', async () => {
    const before = await database.customers.count();
    await loadSample(database);
    expect(await database.customers.count()).toBe(before);
    expect(before).toBe(5);
  });
});
