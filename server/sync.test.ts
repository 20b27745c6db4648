import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { newCustomer } from '../lib/db/customers';
import { mutate } from '../lib/db/mutations';
import { ConciergeDb } from '../lib/db/schema';
import type { Customer } from '../lib/db/types';
import type { Claim } from '../lib/team/protocol';
import { TeamSync, type TeamStatus } from '../lib/team/sync';
import { createStore } from './store';
import { freshDatabase, type TestDatabase } from './test/database';
import { startServer, type ServerProcess } from './test/process';

let database: TestDatabase;
let server: ServerProcess;
const tokens: Record<string, string> = {};
const agents: Agent[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  server = await startServer(database.url);
  const store = createStore(database.pool);
  for (const name of ['Anna', 'Boris']) tokens[name] = await store.issueToken('Hearth', name);
});

afterEach(() => {
  for (const agent of agents.splice(0)) agent.sync.stop();
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

interface Agent {
  db: ConciergeDb;
  sync: TeamSync;
  claims: Claim[];
  status: TeamStatus;
  requests: string[];
}

/** An agent's browser: its own database and sync engine, joined to the team as the Options page does. */
async function agent(name: string, url = server.url): Promise<Agent> {
  const db = new ConciergeDb(`agent-${name}-${crypto.randomUUID()}`);
  const me = (await (
    await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${tokens[name]}` } })
  ).json()) as {
    agentId: string;
    role: 'admin' | 'agent';
  };
  const self: Agent = {
    db,
    claims: [],
    status: { state: 'off', pending: 0 },
    requests: [],
    sync: undefined as never,
  };
  self.sync = new TeamSync({
    database: db,
    fetch: (input, init) => {
      self.requests.push(String(input));
      return fetch(input, init);
    },
    WebSocket: WebSocket as unknown as new (url: string) => globalThis.WebSocket,
    onClaims: (claims) => (self.claims = claims),
    onStatus: (status) => (self.status = status),
  });
  await mutate(
    'joinTeam',
    {
      link: {
        url,
        token: tokens[name]!,
        team: 'Hearth',
        agent: name,
        agentId: me.agentId,
        role: me.role,
        joinedAt: new Date().toISOString(),
      },
    },
    db,
  );
  agents.push(self);
  await self.sync.start();
  return self;
}

async function until<T>(read: () => Promise<T> | T, test: (value: T) => boolean, timeout = 5000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() > deadline) throw new Error(`not in time; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A customer as every copy should agree on it: without what each copy derives or stamps itself. */
const shared = (c: Customer | undefined) =>
  c && { ...c, identityKeys: undefined, phoneKeys: undefined, nameWords: undefined, updatedAt: undefined };

describe('two agents of one team', () => {
  it('share a customer and a note written by one appears on the other’s copy', async () => {
    const [anna, boris] = [await agent('Anna'), await agent('Boris')];
    const lorena = newCustomer({ name: 'Lorena Willis', tier: 'vip' });
    await mutate('addCustomer', { customer: lorena }, anna.db);
    await anna.sync.sync();
    await until(
      () => boris.db.customers.get(lorena.id),
      (c) => !!c,
    );
    await mutate(
      'addNote',
      { customerId: lorena.id, note: { at: new Date().toISOString(), text: 'Prefers mornings', by: 'Anna' } },
      anna.db,
    );
    await anna.sync.sync();
    const seen = await until(
      () => boris.db.customers.get(lorena.id),
      (c) => (c?.notes.length ?? 0) === 1,
    );
    expect(seen!.notes[0]).toMatchObject({ text: 'Prefers mornings', by: 'Anna' });
    expect(seen!.nameWords).toContain('lorena');
    expect(anna.status).toMatchObject({ state: 'online', pending: 0 });
  });

  it('an import of 1,200 reaches the other agent whole, and the importer’s own records are not written twice', async () => {
    const [anna, boris] = [await agent('Anna'), await agent('Boris')];
    const drafts = Array.from({ length: 1200 }, (_, i) => ({ name: `Customer ${i}`, crmId: `C-${i}` }));
    await mutate('importBatch', { drafts }, anna.db);
    let rewritten = 0;
    anna.db.customers.hook('updating', () => void rewritten++);
    anna.db.customers.hook('creating', () => void rewritten++);
    await anna.sync.sync();
    expect(anna.status).toMatchObject({ state: 'online', pending: 0 });
    await boris.sync.sync();
    expect(await boris.db.customers.where('crmId').startsWith('C-').count()).toBe(1200);
    const [version] = (
      await database.pool.query<{ version: string }>(`select max(version) as version from records`)
    ).rows;
    expect((await boris.db.team.get('team'))!.cursor).toBe(Number(version!.version));
    const sample = (await anna.db.customers.toArray()).slice(0, 50);
    for (const c of sample) expect(shared(await boris.db.customers.get(c.id))).toEqual(shared(c));
    // Anna's pull brought her 1,200 records back, as the server has them: the same, so not written.
    expect((await anna.db.team.get('team'))!.cursor).toBe(Number(version!.version));
    expect(rewritten).toBe(0);
  });

  it('import one export at once and keep one record per customer, which a re-import after a delete brings back', async () => {
    const [anna, boris] = [await agent('Anna'), await agent('Boris')];
    const drafts = Array.from({ length: 300 }, (_, i) => ({
      name: `Customer ${i}`,
      emails: [`customer${i}@example.com`],
      ...(i % 2 ? { crmId: `S-${i}` } : {}),
    }));
    // Both import before either has pulled the other's records.
    await mutate('importBatch', { drafts }, anna.db);
    await mutate('importBatch', { drafts: drafts.map((d) => ({ ...d, tags: ['boris'] })) }, boris.db);
    await anna.sync.sync();
    await boris.sync.sync();
    await anna.sync.sync();
    const onServer = async () =>
      Number(
        (
          await database.pool.query<{ n: string }>(
            `select count(*) as n from records
             where kind = 'customers' and doc->'emails'->>0 like 'customer%@example.com'`,
          )
        ).rows[0]!.n,
      );
    expect(await onServer()).toBe(300);
    for (const db of [anna.db, boris.db]) {
      expect(await db.customers.where('emails').startsWith('customer').count()).toBe(300);
      expect((await db.customers.where('emails').equals('customer7@example.com').first())!.tags).toEqual([
        'boris',
      ]);
    }
    // Anna forgets a customer; Boris imports the export again and the customer is back for both.
    const gone = (await anna.db.customers.where('emails').equals('customer8@example.com').first())!;
    await mutate('deleteCustomer', { id: gone.id }, anna.db);
    await anna.sync.sync();
    await boris.sync.sync();
    expect(await boris.db.customers.get(gone.id)).toBeUndefined();
    await mutate('importBatch', { drafts }, boris.db);
    await boris.sync.sync();
    await anna.sync.sync();
    expect((await anna.db.customers.get(gone.id))?.name).toBe('Customer 8');
    expect(await onServer()).toBe(300);
  });

  it('see each other’s claims live, and who holds a post they try to take', async () => {
    const [anna, boris] = [await agent('Anna'), await agent('Boris')];
    await until(
      () => boris.status.state,
      (s) => s === 'online',
    );
    const post = 'x:1859000000000000101';
    const sent = Date.now();
    expect(await anna.sync.claim(post)).toMatchObject({ kind: 'mine', claim: { agent: 'Anna' } });
    await until(
      () => boris.claims,
      (claims) => claims.some((c) => c.post === post && c.agent === 'Anna'),
    );
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(await boris.sync.claim(post)).toMatchObject({ kind: 'held', claim: { agent: 'Anna' } });
    await anna.sync.release(post);
    await until(
      () => boris.claims,
      (claims) => !claims.some((c) => c.post === post),
    );
    expect(await boris.sync.claim(post)).toMatchObject({ kind: 'mine' });
  });

  it('converge after one of them worked offline and came back', async () => {
    const anna = await agent('Anna');
    const pat = newCustomer({ name: 'Pat Okafor', tier: 'regular', tags: ['kitchen'] });
    await mutate('addCustomer', { customer: pat }, anna.db);
    await anna.sync.sync();
    // Boris's browser points at a server that is not there: he is offline.
    const boris = await agent('Boris', 'http://127.0.0.1:9');
    await until(
      () => boris.status.state,
      (s) => s === 'offline',
    );
    await mutate('importBatch', { drafts: [{ name: 'Pat Okafor' }] }, boris.db);
    const [bosPat] = await boris.db.customers.toArray();
    await mutate('saveCustomer', { customer: { ...bosPat!, tags: ['garden'] } }, boris.db);
    // Meanwhile Anna changes Pat's tier and tags.
    await mutate(
      'saveCustomer',
      { customer: { ...(await anna.db.customers.get(pat.id))!, tier: 'gold', tags: ['kitchen', 'returns'] } },
      anna.db,
    );
    await anna.sync.sync();
    expect((await boris.db.outbox.count()) > 0).toBe(true);
    // Boris is back: the same browser, the real server.
    await boris.db.team.update('team', { url: server.url });
    await boris.sync.start();
    await until(
      () => boris.status.pending,
      (n) => n === 0,
    );
    await anna.sync.sync();
    const annaAll = (await anna.db.customers.orderBy('id').toArray()).map(shared);
    const borisAll = (await boris.db.customers.orderBy('id').toArray()).map(shared);
    expect(borisAll).toEqual(annaAll);
    expect(annaAll.find((c) => c?.id === pat.id)).toMatchObject({
      tier: 'gold',
      tags: ['kitchen', 'returns'],
    });
    expect(annaAll.filter((c) => c?.name === 'Pat Okafor')).toHaveLength(2);
  });

  it('keep working locally while the server answers garbage; the changes go out when it is back', async () => {
    const { createServer } = await import('node:http');
    const garbage = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"records": "nope'),
    );
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
    const port = (garbage.address() as { port: number }).port;
    try {
      const boris = await agent('Boris', `http://127.0.0.1:${port}`);
      const vera = newCustomer({ name: 'Vera Ilyina' });
      await mutate('addCustomer', { customer: vera }, boris.db);
      await boris.sync.sync();
      expect(boris.status.state).toBe('offline');
      expect(await boris.db.customers.get(vera.id)).toBeDefined();
      await boris.db.team.update('team', { url: server.url });
      await boris.sync.start();
      await until(
        () => boris.status.pending,
        (n) => n === 0,
      );
      const anna = await agent('Anna');
      await until(
        () => anna.db.customers.get(vera.id),
        (c) => !!c,
      );
    } finally {
      garbage.close();
    }
  });

  it('a change the server refuses costs no other change pushed with it', async () => {
    const boris = await agent('Boris', 'http://127.0.0.1:9');
    await until(
      () => boris.status.state,
      (s) => s === 'offline',
    );
    const before = newCustomer({ name: 'Nina Before' });
    const after = newCustomer({ name: 'Oleg After' });
    await mutate('addCustomer', { customer: before }, boris.db);
    // A newer Concierge's field that this server does not know, queued between two good changes.
    await boris.db.outbox.add({
      mutation: crypto.randomUUID(),
      part: 0,
      name: 'saveTemplate',
      at: new Date().toISOString(),
      changes: [{ t: 'templates', k: 'en-new', set: { name: 'New', futureField: 'x' } }] as never,
      keys: ['templates|en-new'],
    });
    await mutate('addCustomer', { customer: after }, boris.db);
    await boris.db.team.update('team', { url: server.url });
    await boris.sync.start();
    await until(
      () => boris.status.pending,
      (n) => n === 0,
    );
    expect(boris.status.refused).toBe(1);
    // The worker stops and wakes: a new sync on the same base still says so.
    boris.sync.stop();
    let woke: TeamStatus = { state: 'off', pending: 0 };
    const again = new TeamSync({
      database: boris.db,
      fetch: (input, init) => fetch(input, init),
      WebSocket: WebSocket as unknown as new (url: string) => globalThis.WebSocket,
      onStatus: (status) => (woke = status),
    });
    await again.start();
    expect(woke.refused).toBe(1);
    again.stop();
    const anna = await agent('Anna');
    for (const { id } of [before, after])
      await until(
        () => anna.db.customers.get(id),
        (c) => !!c,
      );
    expect(await anna.db.templates.get('en-new')).toBeUndefined();
  });

  it('a revoked token stops the sync and says so', async () => {
    const store = createStore(database.pool);
    tokens.Gleb = await store.issueToken('Hearth', 'Gleb');
    const gleb = await agent('Gleb');
    await until(
      () => gleb.status.state,
      (s) => s === 'online',
    );
    const [annaRow] = (await database.pool.query<{ id: string }>("select id from agents where name = 'Anna'"))
      .rows;
    expect(annaRow).toBeDefined();
    await database.pool.query(
      "update tokens set revoked_at = now() where agent_id = (select id from agents where name = 'Gleb')",
    );
    await mutate('addCustomer', { customer: newCustomer({ name: 'After revoke' }) }, gleb.db);
    await gleb.sync.sync();
    expect(gleb.status.state).toBe('unauthorized');
    expect(await gleb.db.outbox.count()).toBe(1);
  });
});

describe('an agent outside any team', () => {
  it('makes no request at all', async () => {
    const requests: string[] = [];
    const db = new ConciergeDb(`alone-${crypto.randomUUID()}`);
    const sync = new TeamSync({
      database: db,
      fetch: (input) => {
        requests.push(String(input));
        return Promise.reject(new Error('no request expected'));
      },
      WebSocket: class {
        constructor(url: string) {
          requests.push(url);
        }
      } as unknown as new (url: string) => globalThis.WebSocket,
    });
    await sync.start();
    await mutate('addCustomer', { customer: newCustomer({ name: 'Alone' }) }, db);
    await sync.sync();
    expect(await sync.claim('x:1')).toEqual({ kind: 'none' });
    expect(requests).toEqual([]);
    expect(sync.current().state).toBe('off');
  });
});
