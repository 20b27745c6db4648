import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../lib/team/changes';
import type { PullResult, PushItem } from '../lib/team/protocol';
import { freshDatabase, testApp, type TestDatabase } from './test/database';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof testApp>>;
let anna: string;
let boris: string;
let other: string;

beforeAll(async () => {
  database = await freshDatabase();
  server = await testApp(database);
  anna = await server.store.issueToken('Hearth', 'Anna');
  boris = await server.store.issueToken('Hearth', 'Boris');
  other = await server.store.issueToken('Elsewhere', 'Olga');
});

afterAll(async () => {
  await server.close();
  await database.drop();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(token: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  const response = await server.app.inject({
    method,
    url,
    headers: token ? auth(token) : {},
    ...(payload !== undefined && { payload: payload as object }),
  });
  return {
    status: response.statusCode,
    body: response.body ? (response.json() as Record<string, unknown>) : {},
  };
}

const item = (changes: Change[], id = randomUUID(), part = 0): PushItem => ({
  id,
  part,
  name: 'saveCustomer',
  at: new Date().toISOString(),
  changes: changes as PushItem['changes'],
});

const push = (token: string, ...items: PushItem[]) => call(token, 'POST', '/v1/push', { mutations: items });

async function pullAll(token: string, since = 0): Promise<PullResult> {
  const { body } = await call(token, 'GET', `/v1/pull?since=${since}`);
  return body as unknown as PullResult;
}

async function recordOf(token: string, t: string, k: string) {
  const { records } = await pullAll(token);
  return records.find((r) => r.t === t && r.k === k);
}

describe('who may call', () => {
  it('answers who the token belongs to, and the first agent of a team is its admin', async () => {
    expect((await call(anna, 'GET', '/v1/me')).body).toMatchObject({
      team: 'Hearth',
      agent: 'Anna',
      role: 'admin',
    });
    expect((await call(boris, 'GET', '/v1/me')).body).toMatchObject({
      team: 'Hearth',
      agent: 'Boris',
      role: 'agent',
    });
  });

  it('refuses a missing, forged or malformed token with 401', async () => {
    for (const token of [
      null,
      'ct_' + 'A'.repeat(43),
      'nonsense',
      anna.slice(0, -1) + (anna.endsWith('A') ? 'B' : 'A'),
    ]) {
      const { status, body } = await call(token, 'GET', '/v1/me');
      expect(status).toBe(401);
      expect(body.error).toBe('unauthorized');
    }
  });

  it('accepts plain HTTP from loopback only', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/v1/me',
      headers: auth(anna),
      remoteAddress: '10.1.2.3',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: 'tls-required' });
  });

  it('lets an admin invite and revoke, and an agent do neither', async () => {
    expect((await call(boris, 'POST', '/v1/agents', { agent: 'Vera' })).status).toBe(403);
    const invited = await call(anna, 'POST', '/v1/agents', { agent: 'Vera' });
    expect(invited.status).toBe(201);
    const vera = invited.body.token as string;
    expect((await call(vera, 'GET', '/v1/me')).body).toMatchObject({ agent: 'Vera', role: 'agent' });
    expect((await call(boris, 'DELETE', '/v1/agents/Vera/tokens')).status).toBe(403);
    expect((await call(anna, 'DELETE', '/v1/agents/Vera/tokens')).body).toEqual({ revoked: 1 });
    expect((await call(vera, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(anna, 'DELETE', '/v1/agents/Nobody/tokens')).status).toBe(404);
  });

  it('keeps only a hash of each token', async () => {
    const { rows } = await database.pool.query<{ hash: Buffer }>('select hash from tokens');
    expect(rows.length).toBeGreaterThan(0);
    for (const { hash } of rows) {
      expect(hash.length).toBe(32);
      expect(hash.toString('utf8')).not.toContain('ct_');
    }
  });
});

describe('push and pull', () => {
  it('applies a pushed change and gives it the next version; a repeated push changes nothing', async () => {
    const before = (await call(anna, 'GET', '/v1/me')).body.version as number;
    const change = item([
      {
        t: 'customers',
        k: 'c-push',
        set: { name: 'Lorena Willis', tier: 'vip' },
        add: { tags: ['kitchen'] },
      },
    ]);
    expect((await push(anna, change)).body).toEqual({ version: before + 1, duplicates: 0 });
    expect((await push(anna, change)).body).toEqual({ version: before + 1, duplicates: 1 });
    const { records, cursor } = await pullAll(anna, before);
    expect(records).toEqual([
      {
        t: 'customers',
        k: 'c-push',
        version: before + 1,
        doc: expect.objectContaining({ id: 'c-push', name: 'Lorena Willis', tier: 'vip', tags: ['kitchen'] }),
      },
    ]);
    expect(cursor).toBe(before + 1);
    expect((await pullAll(anna, cursor)).records).toEqual([]);
  });

  it('pages a long pull and says when more waits', async () => {
    const changes: Change[] = Array.from({ length: 30 }, (_, i) => ({
      t: 'rejections',
      k: `page-${i}`,
      set: { authorKey: `x:a${i}`, customerId: 'c', at: '2026-01-01' },
    }));
    const before = (await call(anna, 'GET', '/v1/me')).body.version as number;
    await push(anna, item(changes));
    const first = (await call(anna, 'GET', `/v1/pull?since=${before}&limit=20`))
      .body as unknown as PullResult;
    expect(first.records).toHaveLength(20);
    expect(first.more).toBe(true);
    const second = await pullAll(anna, first.cursor);
    expect(second.records.map((r) => r.k)).toEqual(changes.slice(20).map((c) => c.k));
    expect(second.more).toBe(false);
  });

  it('gives scalars to the last writer and merges lists as sets', async () => {
    await push(
      anna,
      item([
        {
          t: 'customers',
          k: 'c-merge',
          set: { name: 'Tomás Ortega', tier: 'regular' },
          add: { tags: ['a'], notes: [{ at: '1', text: 'from Anna' }] },
        },
      ]),
    );
    // Boris, who had not seen Anna's change, edits the same customer.
    await push(
      boris,
      item([
        {
          t: 'customers',
          k: 'c-merge',
          set: { tier: 'gold' },
          add: { tags: ['b'], notes: [{ at: '2', text: 'from Boris' }] },
        },
      ]),
    );
    await push(anna, item([{ t: 'customers', k: 'c-merge', rm: { tags: ['a'] } }]));
    const doc = (await recordOf(boris, 'customers', 'c-merge'))!.doc!;
    expect(doc).toMatchObject({ name: 'Tomás Ortega', tier: 'gold', tags: ['b'] });
    expect(doc.notes).toEqual([
      { at: '1', text: 'from Anna' },
      { at: '2', text: 'from Boris' },
    ]);
  });

  it('keeps a deleted record deleted: a tombstone takes no later change', async () => {
    await push(anna, item([{ t: 'customers', k: 'c-gone', set: { name: 'Gone' } }]));
    await push(anna, item([{ t: 'customers', k: 'c-gone', del: true }]));
    await push(boris, item([{ t: 'customers', k: 'c-gone', add: { notes: [{ at: '3', text: 'late' }] } }]));
    const record = await recordOf(anna, 'customers', 'c-gone');
    expect(record?.doc).toBeNull();
  });

  it('brings a deleted record back only when a copy makes it anew', async () => {
    await push(anna, item([{ t: 'interactions', k: 'x:1860000000000000900', set: { status: 'open' } }]));
    await push(anna, item([{ t: 'interactions', k: 'x:1860000000000000900', del: true }]));
    await push(
      boris,
      item([{ t: 'interactions', k: 'x:1860000000000000900', new: true, set: { status: 'replied' } }]),
    );
    const record = await recordOf(anna, 'interactions', 'x:1860000000000000900');
    expect(record?.doc).toEqual({
      key: 'x:1860000000000000900',
      status: 'replied',
      replies: [],
      threadReplies: [],
    });
  });

  it('carries a template deleted from the shipped set, and one still as shipped, to the team', async () => {
    const shipped = {
      name: 'Acknowledge',
      language: 'en',
      intents: ['other'],
      tone: 'warm',
      body: 'Thanks! — {{agent.name}}',
    };
    await push(
      anna,
      item([{ t: 'templates', k: 'en-thanks', set: { ...shipped, shippedAs: '0badf00d', hidden: true } }]),
    );
    await push(
      anna,
      item([{ t: 'templates', k: 'en-praise', set: { ...shipped, name: 'Praise', shippedAs: '0badf00d' } }]),
    );
    expect((await recordOf(boris, 'templates', 'en-thanks'))?.doc).toMatchObject({
      shippedAs: '0badf00d',
      hidden: true,
    });
    expect((await recordOf(boris, 'templates', 'en-praise'))?.doc).toMatchObject({
      shippedAs: '0badf00d',
      name: 'Praise',
    });
    expect((await recordOf(boris, 'templates', 'en-praise'))?.doc).not.toHaveProperty('hidden');
  });

  it('shows nothing of one team to another', async () => {
    await push(other, item([{ t: 'customers', k: 'c-other', set: { name: 'Olga’s customer' } }]));
    const hearth = await pullAll(anna);
    expect(hearth.records.some((r) => r.k === 'c-other')).toBe(false);
    const elsewhere = await pullAll(other);
    expect(elsewhere.records.map((r) => r.k)).toEqual(['c-other']);
    // The same key in two teams is two records.
    await push(other, item([{ t: 'customers', k: 'c-push', set: { name: 'Not Lorena' } }]));
    expect((await recordOf(anna, 'customers', 'c-push'))!.doc!.name).toBe('Lorena Willis');
    expect((await call(other, 'GET', '/v1/claims')).body).toEqual([]);
  });
});

describe('claims', () => {
  it('gives a post to one agent: 201 to the first, 409 with the holder to the next', async () => {
    const first = await call(anna, 'POST', '/v1/claims', { post: 'x:1860000000000000001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ post: 'x:1860000000000000001', agent: 'Anna' });
    const second = await call(boris, 'POST', '/v1/claims', { post: 'x:1860000000000000001' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'held', claim: { agent: 'Anna' } });
    // Anna renews her own claim.
    expect((await call(anna, 'POST', '/v1/claims', { post: 'x:1860000000000000001' })).status).toBe(201);
    expect((await call(boris, 'GET', '/v1/claims')).body).toEqual([
      expect.objectContaining({ post: 'x:1860000000000000001', agent: 'Anna' }),
    ]);
    // Boris cannot let go of Anna's claim; Anna can.
    expect((await call(boris, 'DELETE', '/v1/claims/x:1860000000000000001')).status).toBe(204);
    expect((await call(boris, 'POST', '/v1/claims', { post: 'x:1860000000000000001' })).status).toBe(409);
    expect((await call(anna, 'DELETE', '/v1/claims/x:1860000000000000001')).status).toBe(204);
    expect((await call(boris, 'POST', '/v1/claims', { post: 'x:1860000000000000001' })).status).toBe(201);
  });

  it('lets anyone take a claim whose lease ran out', async () => {
    await call(anna, 'POST', '/v1/claims', { post: 'facebook:lease_1' });
    await database.pool.query(
      `update claims set expires_at = now() - interval '1 second' where post = 'facebook:lease_1'`,
    );
    expect((await call(boris, 'GET', '/v1/claims')).body).not.toContainEqual(
      expect.objectContaining({ post: 'facebook:lease_1' }),
    );
    const taken = await call(boris, 'POST', '/v1/claims', { post: 'facebook:lease_1' });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ agent: 'Boris' });
  });

  it('gives exactly one winner when many agents claim at once', async () => {
    const tokens = [
      anna,
      boris,
      ...(await Promise.all(['G1', 'G2', 'G3', 'G4'].map((a) => server.store.issueToken('Hearth', a)))),
    ];
    for (let round = 0; round < 20; round++) {
      const post = `x:race${round}`;
      const answers = await Promise.all(tokens.map((t) => call(t, 'POST', '/v1/claims', { post })));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(tokens.length - 1);
    }
  });
});

describe('admin records', () => {
  it('exports the team’s live records for an admin only, and logs who did what', async () => {
    expect((await call(boris, 'GET', '/v1/export')).status).toBe(403);
    const { body } = await call(anna, 'GET', '/v1/export');
    const records = body.records as { k: string }[];
    expect(records.some((r) => r.k === 'c-push')).toBe(true);
    expect(records.some((r) => r.k === 'c-gone' || r.k === 'c-other')).toBe(false);
    const log = (await call(anna, 'GET', '/v1/audit')).body.entries as { agent: string; action: string }[];
    expect(log[0]).toMatchObject({ agent: 'Anna', action: 'export' });
    expect(log).toContainEqual(expect.objectContaining({ agent: 'Boris', action: 'push' }));
    expect(log).toContainEqual(expect.objectContaining({ agent: 'Anna', action: 'revoke' }));
    expect((await call(boris, 'GET', '/v1/audit')).status).toBe(403);
  });
});

describe('bad input', () => {
  async function unchanged(request: () => Promise<{ status: number; body: Record<string, unknown> }>) {
    const before = await database.pool.query('select count(*)::int as n, max(version) as v from records');
    const { status, body } = await request();
    const after = await database.pool.query('select count(*)::int as n, max(version) as v from records');
    expect(after.rows[0]).toEqual(before.rows[0]);
    return { status, body };
  }

  it('refuses malformed pushes with a clear 4xx and writes nothing', async () => {
    const good = item([{ t: 'customers', k: 'ok', set: { name: 'x' } }]);
    const bad: unknown[] = [
      null,
      'text',
      {},
      { mutations: [] },
      { mutations: [{ ...good, id: 'not-a-uuid' }] },
      { mutations: [{ ...good, changes: [{ t: 'users', k: 'x' }] }] },
      { mutations: [{ ...good, changes: [{ t: 'customers', k: 'x', set: { isAdmin: true } }] }] },
      { mutations: [{ ...good, changes: [{ t: 'customers', k: 'x', set: { tier: 'emperor' } }] }] },
      { mutations: [{ ...good, changes: [{ t: 'customers', k: 'x', add: { notes: ['not a note'] } }] }] },
      { mutations: [{ ...good, changes: [{ t: 'customers', k: '', set: { name: 'x' } }] }] },
      { mutations: [{ ...good, changes: [{ t: 'customers', k: 'x', set: { name: 'x'.repeat(201) } }] }] },
      { mutations: [good], extra: 1 },
    ];
    for (const payload of bad) {
      const { status, body } = await unchanged(() => call(anna, 'POST', '/v1/push', payload));
      // A plain string goes as text/plain: the wrong media type.
      expect(status, JSON.stringify(payload)).toBe(payload === 'text' ? 415 : 400);
      expect(typeof body.message).toBe('string');
    }
  });

  it('refuses a body that is not JSON, or too large', async () => {
    const notJson = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { ...auth(anna), 'content-type': 'application/json' },
      payload: '{"mutations": [',
    });
    expect(notJson.statusCode).toBe(400);
    const huge = JSON.stringify({
      mutations: [
        item([
          {
            t: 'customers',
            k: 'big',
            set: { name: 'x' },
            add: { tags: Array.from({ length: 5000 }, (_, i) => `${'t'.repeat(90)}${i}`) },
          },
        ]),
      ],
      pad: 'x'.repeat(5 * 1024 * 1024),
    });
    const tooLarge = await server.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { ...auth(anna), 'content-type': 'application/json' },
      payload: huge,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: 'too-large' });
  });

  it('refuses too many changes in one push', async () => {
    const changes: Change[] = Array.from({ length: 300 }, (_, i) => ({
      t: 'rejections',
      k: `many-${i}`,
      set: { at: '1' },
    }));
    const { status, body } = await unchanged(() => push(anna, item(changes), item(changes)));
    expect(status).toBe(413);
    expect(body.error).toBe('too-large');
  });

  it('refuses malformed claims and pulls', async () => {
    for (const payload of [
      {},
      { post: '' },
      { post: 'x:' },
      { post: 'X:1' },
      { post: 'x:1 2' },
      { post: 'x:1', more: 1 },
    ])
      expect((await call(anna, 'POST', '/v1/claims', payload)).status).toBe(400);
    for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=100000', 'other=1'])
      expect((await call(anna, 'GET', `/v1/pull?${query}`)).status).toBe(400);
  });

  it('survives random payloads: every answer is a 4xx and nothing is written', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms = [null, true, 0, -1, 1e308, '', 'x', '<script>', 'customers', 'del', [], {}];
    const value = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.4) return atoms[Math.floor(random() * atoms.length)];
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
      const keys = [
        'mutations',
        'id',
        'part',
        'name',
        'at',
        'changes',
        't',
        'k',
        'set',
        'add',
        'rm',
        'del',
        'name',
        'notes',
      ];
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, () => [
          keys[Math.floor(random() * keys.length)]!,
          value(depth + 1),
        ]),
      );
    };
    for (let i = 0; i < 200; i++) {
      const payload = i % 2 ? { mutations: [value(1)] } : value(0);
      const { status } = await unchanged(() => call(anna, 'POST', '/v1/push', payload ?? {}));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it('limits how often one token may call', async () => {
    const limited = await testApp(database, 5);
    // The count is kept in the database: a token that has made no request yet this minute.
    const fresh = await limited.store.issueToken('Hearth', 'Rate');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push(
          (await limited.app.inject({ method: 'GET', url: '/v1/me', headers: auth(fresh) })).statusCode,
        );
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
