/**
 * Only Concierge talks to Concierge: every message handler is fed random, oversized, wrongly typed
 * and prototype-polluting payloads from good and bad senders. Each bad one must be refused with a
 * typed error and leave the database as it was; the good ones (the control) must work.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  handleCustomersChanged,
  handleNameCandidates,
  handlePostsSeen,
  handleSelectPost,
  type HandlerDeps,
} from './background/handlers';
import { handleClaimPost, handleReleasePost, handleTeamChanged, type Team } from './background/team';
import { TeamSync } from './team/sync';
import { tabPostsStore } from './background/tab-posts';
import { settingsReader } from './settings';
import { contentHandlers } from './content/handlers';
import type { ContentApp } from './content/run';
import { loadSample } from './db/sample';
import { ConciergeDb } from './db/schema';
import { InvalidMessageError, type SenderLike } from './messaging';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

const CONTENT: SenderLike = {
  id: EXTENSION_ID,
  url: 'https://x.com/home',
  tab: { id: 7, url: 'https://x.com/home' },
};
const PANEL: SenderLike = { id: EXTENSION_ID, url: `${ORIGIN}sidepanel.html` };
const BAD_SENDERS: SenderLike[] = [
  {
    id: 'someotherextensionidxxxxxxxxxxxx',
    url: 'https://x.com/home',
    tab: { id: 7, url: 'https://x.com/home' },
  },
  { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 8, url: 'https://evil.example/' } },
  {
    id: EXTENSION_ID,
    url: 'https://x.com.evil.example/',
    tab: { id: 9, url: 'https://x.com.evil.example/' },
  },
  { url: `${ORIGIN}sidepanel.html` },
  {},
];

const validPost = () => ({
  site: 'x',
  id: '1859000000000000101',
  url: 'https://x.com/lorenawillis/status/1859000000000000101',
  kind: 'post',
  author: { handle: 'lorenawillis', displayName: 'Lorena Willis', profileUrl: 'https://x.com/lorenawillis' },
  text: 'hello',
});

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** Random values of every JSON kind, huge strings, deep nesting and prototype-polluting keys. */
function junk(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * 12);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r() * 1e12 - 5e11;
    case 3:
      return r() < 0.5;
    case 4:
      return 'x'.repeat(Math.floor(r() * 20));
    case 5:
      return 'A'.repeat(1_000_000);
    case 6:
      return '<img src=x onerror=alert(1)>';
    case 7:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      );
    case 8:
      return depth > 3 ? [] : Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    case 9:
      return depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: Math.floor(r() * 4) }, (_, i) => [`k${i}`, junk(r, depth + 1)]),
          );
    case 10:
      return Array.from({ length: 500 }, validPost);
    default:
      return NaN;
  }
}

/** A valid payload with one part replaced by junk: the near misses are the dangerous ones. */
function mutate(valid: Record<string, unknown>, r: () => number): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const key = keys[Math.floor(r() * keys.length)]!;
  if (r() < 0.2) return { ...copy, extra: junk(r) };
  if (key === 'posts' && Array.isArray(copy.posts)) {
    const post = { ...(copy.posts as Record<string, unknown>[])[0] };
    const field = Object.keys(post)[Math.floor(r() * Object.keys(post).length)]!;
    post[field] = junk(r);
    return { ...copy, posts: [post] };
  }
  copy[key] = junk(r);
  return copy;
}

/** The worker's team part outside a team: the handlers are checked before it is ever reached. */
function team(deps: HandlerDeps): Team {
  const sync = new TeamSync({
    database: deps.database,
    fetch: () => Promise.reject(new Error('no request outside a team')),
    WebSocket: class {} as unknown as typeof WebSocket,
  });
  return { sync, begin: () => sync.start(), active: () => false, activity: () => undefined };
}

describe('message handlers under fuzzing', () => {
  let database: ConciergeDb;
  let deps: HandlerDeps;
  const snapshot = async () => ({
    customers: await database.customers.toArray(),
    interactions: await database.interactions.toArray(),
    rejections: await database.rejections.toArray(),
  });

  beforeEach(async () => {
    database = new ConciergeDb(`fuzz-${crypto.randomUUID()}`);
    await loadSample(database);
    deps = {
      tabs: tabPostsStore(),
      settings: settingsReader(),
      database,
      extensionId: EXTENSION_ID,
      extensionOrigin: ORIGIN,
      sendLabels: async () => undefined,
    };
  });

  const handlers = [
    {
      name: 'postsSeen',
      run: handlePostsSeen,
      sender: CONTENT,
      valid: () => ({ pageUrl: 'https://x.com/home', posts: [validPost()] }),
    },
    {
      name: 'selectPost',
      run: handleSelectPost,
      sender: CONTENT,
      valid: () => ({ key: 'x:1859000000000000101' }),
    },
    {
      name: 'customersChanged',
      run: handleCustomersChanged,
      sender: PANEL,
      // It carries nothing: anything sent with it is refused.
      valid: () => ({}),
    },
    {
      name: 'nameCandidates',
      run: handleNameCandidates,
      sender: PANEL,
      valid: () => ({ authorKey: 'x:someone', displayName: 'Lorena Willis' }),
    },
    {
      name: 'teamChanged',
      run: (d: HandlerDeps, data: unknown, sender: SenderLike) => handleTeamChanged(d, team(d), data, sender),
      sender: PANEL,
      valid: () => ({}),
    },
    {
      name: 'claimPost',
      run: (d: HandlerDeps, data: unknown, sender: SenderLike) => handleClaimPost(d, team(d), data, sender),
      sender: PANEL,
      valid: () => ({ key: 'x:1859000000000000101' }),
    },
    {
      name: 'releasePost',
      run: (d: HandlerDeps, data: unknown, sender: SenderLike) => handleReleasePost(d, team(d), data, sender),
      sender: PANEL,
      valid: () => ({ key: 'facebook:1859000000000000101' }),
    },
  ] as const;

  for (const handler of handlers) {
    it(`${handler.name}: refuses junk with a typed error and changes nothing`, async () => {
      const r = random(handler.name.length * 7919);
      const before = await snapshot();
      let refused = 0;
      for (let i = 0; i < 150; i++) {
        const payload = i % 3 ? mutate(handler.valid(), r) : junk(r);
        const outcome = await handler.run(deps, payload, handler.sender).then(
          () => 'accepted',
          (error: unknown) => (error instanceof InvalidMessageError ? 'refused' : `threw ${String(error)}`),
        );
        // A mutation may by chance still be valid (a new but well-formed text, say); nothing else passes.
        expect(['refused', 'accepted']).toContain(outcome);
        if (outcome === 'refused') refused++;
      }
      expect(refused).toBeGreaterThan(100);
      const after = await snapshot();
      // Accepted near misses of postsSeen may record a post, as a real one would; customers and answers never change.
      expect(after.customers).toEqual(before.customers);
      expect(after.rejections).toEqual(before.rejections);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it(`${handler.name}: refuses every sender but its own, whatever the payload`, async () => {
      const before = await snapshot();
      for (const sender of BAD_SENDERS) {
        await expect(handler.run(deps, handler.valid(), sender)).rejects.toBeInstanceOf(InvalidMessageError);
      }
      expect(await snapshot()).toEqual(before);
    });

    it(`${handler.name}: answers a well-formed message from its own sender (the control)`, async () => {
      await expect(handler.run(deps, handler.valid(), handler.sender)).resolves.not.toThrow();
    });
  }

  it('the content script answers only extension pages, and checks the reply it is asked to insert', async () => {
    const inserted: string[] = [];
    const relabelled: string[] = [];
    const app: ContentApp = {
      stats: () => ({
        site: 'x',
        url: '',
        postsSeen: 0,
        misses: {},
        batches: 0,
        badgesDrawn: 0,
      }),
      diagnostic: (extensionVersion) => ({
        site: 'x',
        page: '/',
        at: '',
        extensionVersion,
        health: { units: 0, read: 0 },
        postsSeen: 0,
        misses: {},
        unread: [],
      }),
      relabel: async (labels) => void relabelled.push(...labels.map((l) => l.key)),
      insertReply: async (postId, text) => {
        inserted.push(`${postId}:${text}`);
        return { ok: true };
      },
    };
    const h = contentHandlers(app, EXTENSION_ID, ORIGIN);
    const r = random(42);
    for (const sender of [...BAD_SENDERS, CONTENT]) {
      await expect(h.insertReply({ postId: '1', text: 'hi' }, sender)).rejects.toBeInstanceOf(
        InvalidMessageError,
      );
      await expect(h.labels({ labels: [] }, sender)).rejects.toBeInstanceOf(InvalidMessageError);
      expect(() => h.pageStats(undefined, sender)).toThrow(InvalidMessageError);
      expect(() => h.pageDiagnostic(undefined, sender)).toThrow(InvalidMessageError);
    }
    for (let i = 0; i < 150; i++) {
      const payload = i % 2 ? mutate({ postId: '1859000000000000101', text: 'Hello' }, r) : junk(r);
      await h
        .insertReply(payload, PANEL)
        .catch((error: unknown) => expect(error).toBeInstanceOf(InvalidMessageError));
    }
    expect(inserted.every((s) => /^[A-Za-z0-9_.:-]{1,100}:/.test(s))).toBe(true);
    // Labels from the worker are checked as strictly: junk is refused, a well-formed one is drawn.
    for (let i = 0; i < 150; i++) {
      const label = { key: 'x:1859000000000000101', postId: '1859000000000000101', customer: null };
      const payload = i % 2 ? mutate({ labels: [label] }, r) : junk(r);
      await h
        .labels(payload, PANEL)
        .catch((error: unknown) => expect(error).toBeInstanceOf(InvalidMessageError));
    }
    expect(relabelled.every((key) => /^x:\d+$/.test(key))).toBe(true);
    const customer = { id: 'c1', name: 'Lorena Willis', tier: 'vip' };
    await h.labels({ labels: [{ key: 'x:1', postId: '1', customer }] }, PANEL);
    expect(relabelled.at(-1)).toBe('x:1');
    await expect(h.insertReply({ postId: '1859000000000000101', text: 'Hello' }, PANEL)).resolves.toEqual({
      ok: true,
    });
  });
});
