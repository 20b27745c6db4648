import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../lib/team/changes';
import type { PushItem, PushResult } from '../lib/team/protocol';
import { createStore } from './store';
import { freshDatabase, type TestDatabase } from './test/database';
import { openLive, startServer, type ServerProcess } from './test/process';

let database: TestDatabase;
let one: ServerProcess;
let two: ServerProcess;
let anna: string;
let boris: string;

beforeAll(async () => {
  database = await freshDatabase();
  [one, two] = await Promise.all([startServer(database.url), startServer(database.url)]);
  const store = createStore(database.pool);
  anna = await store.issueToken('Hearth', 'Anna');
  boris = await store.issueToken('Hearth', 'Boris');
});

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await database?.drop();
});

const request = (base: string, token: string, method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

describe('two server processes on one database', () => {
  it('give every claim race exactly one winner, round after round', async () => {
    const winners = { Anna: 0, Boris: 0 };
    for (let round = 0; round < 100; round++) {
      const post = `x:${1_870_000_000_000_000_000n + BigInt(round)}`;
      const [a, b] = await Promise.all([
        request(one.url, anna, 'POST', '/v1/claims', { post }),
        request(two.url, boris, 'POST', '/v1/claims', { post }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      winners[a.status === 201 ? 'Anna' : 'Boris']++;
      const loser = (await (a.status === 409 ? a : b).json()) as { claim: { agent: string } };
      expect(loser.claim.agent).toBe(a.status === 201 ? 'Anna' : 'Boris');
    }
    expect(winners.Anna + winners.Boris).toBe(100);
  });

  it('tell an agent on the other process of a claim, its release and a change, within a second', async () => {
    const live = await openLive(two.url, boris);
    try {
      const post = 'facebook:claim_fanout';
      const from = live.messages.length;
      const sent = performance.now();
      expect((await request(one.url, anna, 'POST', '/v1/claims', { post })).status).toBe(201);
      const heard = await live.next((m) => m.type === 'claim' && m.claim.post === post, from);
      expect(heard.message).toMatchObject({ claim: { agent: 'Anna', post } });
      expect(heard.at - sent).toBeLessThan(1000);

      await request(one.url, anna, 'DELETE', `/v1/claims/${post}`);
      await live.next((m) => m.type === 'release' && m.post === post, from);

      const pushed = await request(one.url, anna, 'POST', '/v1/push', {
        mutations: [
          {
            id: randomUUID(),
            part: 0,
            name: 'addNote',
            at: new Date().toISOString(),
            changes: [{ t: 'customers', k: 'c-live', set: { name: 'Live' } }],
          },
        ],
      });
      const { version } = (await pushed.json()) as PushResult;
      await live.next((m) => m.type === 'change' && m.version === version, from);
    } finally {
      live.close();
    }
  });

  it('lose and duplicate nothing when a process stops in the middle of a sync', async () => {
    const items: PushItem[] = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      part: 0,
      name: 'importBatch',
      at: new Date().toISOString(),
      changes: Array.from({ length: 50 }, (_, j): Change => ({
        t: 'customers',
        k: `stop-${i}-${j}`,
        set: { name: `Customer ${i}-${j}` },
        add: { notes: [{ at: 'n', text: `note ${i}-${j}` }] },
      })) as PushItem['changes'],
    }));
    // The client pushes to the first process and stops it part way; what it has not heard
    // answered is pushed again, to the other process, as the extension's retry does.
    let answered = 0;
    const pushes = items.map(async (item, i) => {
      if (i === 15) void one.stop('SIGKILL');
      try {
        const response = await request(one.url, anna, 'POST', '/v1/push', { mutations: [item] });
        if (response.ok) answered++;
        return response.ok;
      } catch {
        return false;
      }
    });
    const ok = await Promise.all(pushes);
    expect(answered).toBeLessThan(items.length);
    let duplicates = 0;
    for (const [i, item] of items.entries()) {
      // A part the stopped process answered is sent again too, as if its answer had been lost.
      const response = await request(two.url, anna, 'POST', '/v1/push', { mutations: [item] });
      expect(response.status).toBe(200);
      duplicates += ((await response.json()) as PushResult).duplicates;
      if (ok[i]) expect(duplicates).toBeGreaterThan(0);
    }
    expect(duplicates).toBe(answered);
    const { rows } = await database.pool.query<{ records: number; notes: number; applied: number }>(
      `select count(*)::int as records, sum(jsonb_array_length(doc->'notes'))::int as notes,
              (select count(*)::int from applied where name = 'importBatch') as applied
       from records where key like 'stop-%'`,
    );
    expect(rows[0]).toEqual({ records: 2000, notes: 2000, applied: 40 });
    one = await startServer(database.url);
  });

  it('keep serving when the database closes their idle connections', async () => {
    // Both processes hold idle connections after a few requests.
    for (const base of [one.url, two.url])
      for (let i = 0; i < 3; i++) expect((await request(base, anna, 'GET', '/v1/me')).status).toBe(200);
    const { rows } = await database.pool.query<{ closed: number }>(
      `select count(pg_terminate_backend(pid))::int as closed from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
    expect(rows[0]!.closed).toBeGreaterThanOrEqual(2);
    // Give the closed connections' notices time to reach the processes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([one.child.exitCode, two.child.exitCode]).toEqual([null, null]);
    for (const base of [one.url, two.url])
      expect((await request(base, anna, 'GET', '/v1/me')).status).toBe(200);
  });
});

describe('a rate limit on two server processes', () => {
  it('counts a token’s requests across both, so a second process gives it no more', async () => {
    const limited = await freshDatabase();
    const [a, b] = await Promise.all([
      startServer(limited.url, 0, { RATE_LIMIT: '6' }),
      startServer(limited.url, 0, { RATE_LIMIT: '6' }),
    ]);
    try {
      const store = createStore(limited.pool);
      const token = await store.issueToken('Hearth', 'Anna');
      const other = await store.issueToken('Hearth', 'Boris');
      const statuses: number[] = [];
      // Six requests a minute, sent to the two processes in turn: three each.
      for (let i = 0; i < 8; i++)
        statuses.push((await request(i % 2 ? b.url : a.url, token, 'GET', '/v1/me')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
      const refused = await request(b.url, token, 'GET', '/v1/me');
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toBe('rate-limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another agent's token has its own count.
      expect((await request(b.url, other, 'GET', '/v1/me')).status).toBe(200);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await limited.drop();
    }
  });
});
