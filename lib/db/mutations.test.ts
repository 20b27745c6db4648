import { beforeEach, describe, expect, it } from 'vitest';
import { newCustomer } from './customers';
import { identityFrom } from './identity';
import {
  apply,
  mutate,
  mutation,
  MUTATIONS,
  MutationError,
  onCustomersChanged,
  type MutationArgs,
  type MutationName,
} from './mutations';
import { loadSample } from './sample';
import { ConciergeDb } from './schema';
import type { Customer } from './types';
import { TEST_LINK } from '../team/test-link';

const KEY = 'x:1859000000000000101';
const post = {
  site: 'x',
  id: '1859000000000000101',
  url: 'https://x.com/lorenawillis/status/1859000000000000101',
  kind: 'post',
  author: { handle: 'lorenawillis', displayName: 'Lorena Willis', profileUrl: 'https://x.com/lorenawillis' },
  text: 'The kettle lid cracked',
} as const;
const template: MutationArgs<'saveTemplate'>['template'] = {
  id: 'en-kettle',
  name: 'Kettle',
  language: 'en',
  intents: ['complaint'],
  tone: 'warm',
  body: 'Hi {{customer.firstName}}, sorry about the kettle.',
};

let database: ConciergeDb;
let lorena: Customer;

beforeEach(async () => {
  database = new ConciergeDb(`mutations-${crypto.randomUUID()}`);
  await loadSample(database);
  // Kept on this device when it joins, until shared (shareWithTeam).
  await mutate(
    'addCustomer',
    { customer: newCustomer({ name: 'Mira Local', emails: ['mira@example.com'] }) },
    database,
  );
  // In a team: every shared mutation also queues its changes (the snapshot holds the outbox).
  await mutate('joinTeam', { link: TEST_LINK }, database);
  lorena = (await database.customers.where('nameWords').equals('lorena').first())!;
  await mutate('recordPagePosts', { posts: [post], brandHandles: [] }, database);
});

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      (
        [
          'customers',
          'interactions',
          'rejections',
          'templates',
          'learning',
          'accounts',
          'team',
          'outbox',
          'unshared',
        ] as const
      ).map(async (t) => [t, await database.table(t).toArray()] as const),
    ),
  );

/** A well-formed payload of each mutation, against the base of beforeEach. */
const valid = (): { [N in MutationName]: MutationArgs<N> } => ({
  saveCustomer: { customer: { ...lorena, name: 'Lorena Willis-Park' } },
  addCustomer: {
    customer: newCustomer({ name: 'Ada Byron', identities: [identityFrom('x', 'ada_b', 'manual')] }),
  },
  deleteCustomer: { id: lorena.id },
  linkAccount: { customerId: lorena.id, identity: identityFrom('facebook', 'lorena.w', 'confirmed') },
  rejectCandidate: { authorKey: 'x:someone', customerId: lorena.id },
  addNote: { customerId: lorena.id, note: { at: '2026-12-04T10:00:00.000Z', text: 'Prefers mornings' } },
  addLifeEvent: {
    customerId: lorena.id,
    event: { date: '2026-12-01', kind: 'moved', text: 'Moved to Leeds', source: 'agent' },
  },
  dismissPost: { key: KEY },
  snoozePost: { key: KEY, until: '2026-12-05T10:00:00.000Z' },
  markAnswered: { key: KEY },
  recordReply: { key: KEY, text: 'So sorry, Lorena!', by: 'Sam' },
  correctReading: { key: KEY, correction: { sentiment: 'negative', intents: ['complaint'] } },
  recordTemplateUse: { templateId: 'en-sorry', intent: 'complaint', edited: true },
  saveTemplate: { template },
  deleteTemplate: { id: 'en-thanks' },
  restoreTemplates: { ids: ['en-thanks'] },
  importTemplates: { templates: [template] },
  recordPagePosts: {
    posts: [
      { ...post, id: '1859000000000000102', url: `${post.url}2` },
      {
        ...post,
        id: '1859000000000000109',
        url: 'https://x.com/hearthandco/status/1859000000000000109',
        kind: 'reply',
        author: {
          handle: 'HearthAndCo',
          displayName: 'Hearth & Co.',
          profileUrl: 'https://x.com/HearthAndCo',
        },
        inReplyTo: { id: post.id },
      },
    ],
    brandHandles: ['hearthandco'],
  },
  importBatch: { drafts: [{ name: 'Bo Chen', emails: ['bo@example.com'] }] },
  importOrders: {
    orders: [
      {
        line: 2,
        customer: 'lorena.willis@example.com',
        order: { id: 'HC-1', date: '2026-12-01', items: [] },
      },
    ],
  },
  restoreBackup: {
    backup: {
      format: 'concierge-backup',
      version: 1,
      exportedAt: '2026-12-04T00:00:00Z',
      customers: [newCustomer({ name: 'Restored One' })],
      interactions: [],
    },
  },
  loadSample: {},
  clearBase: {},
  joinTeam: { link: { ...TEST_LINK, agent: 'Boris' } },
  leaveTeam: {},
  shareWithTeam: {},
  applyTeamRecords: {
    records: [
      { t: 'customers', k: lorena.id, version: 7, doc: { ...lorena, name: 'Lorena from the team' } },
      { t: 'rejections', k: 'x:a|c', version: 8, doc: null },
    ],
    cursor: 8,
  },
  teamPushed: { seqs: [1] },
});

/** Random junk in one field of a valid payload: the near misses are the dangerous ones. */
function spoil(payload: unknown, r: () => number): unknown {
  const JUNK = [null, 42, '', 'A'.repeat(100_000), [], {}, { __proto__: { polluted: true } }, NaN, true];
  if (payload === null || typeof payload !== 'object') return JUNK[Math.floor(r() * JUNK.length)];
  const copy = structuredClone(payload) as Record<string, unknown>;
  const keys = Object.keys(copy);
  if (!keys.length || r() < 0.15) return { ...copy, unexpected: JUNK[Math.floor(r() * JUNK.length)] };
  const key = keys[Math.floor(r() * keys.length)]!;
  copy[key] = r() < 0.5 ? spoil(copy[key], r) : JUNK[Math.floor(r() * JUNK.length)];
  return copy;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

describe('named mutations', () => {
  it('stamp every write with a fresh time-ordered id and its time', () => {
    const a = mutation('dismissPost', { key: KEY });
    const b = mutation('dismissPost', { key: KEY });
    expect(a.id).not.toBe(b.id);
    expect(a.id < b.id).toBe(true);
    expect(Date.parse(a.at)).not.toBeNaN();
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  for (const name of Object.keys(MUTATIONS) as MutationName[]) {
    it(`${name}: a well-formed one is applied (the control)`, async () => {
      const before = await snapshot();
      await apply(mutation(name, valid()[name]), database);
      expect(await snapshot()).not.toEqual(before);
    });

    it(`${name}: malformed ones are refused with a MutationError and change nothing`, async () => {
      const r = random(name.length * 7919);
      let refused = 0;
      for (let i = 0; i < 30; i++) {
        const before = await snapshot();
        const args = spoil(valid()[name], r);
        const outcome = await apply({ ...mutation(name, valid()[name]), args } as never, database).then(
          () => 'accepted',
          (error: unknown) => (error instanceof MutationError ? 'refused' : `threw ${String(error)}`),
        );
        // A near miss may by chance still be well formed (another text, say) and is then applied.
        expect(['refused', 'accepted']).toContain(outcome);
        if (outcome === 'refused') {
          refused++;
          expect(await snapshot()).toEqual(before);
        }
      }
      expect(refused).toBeGreaterThanOrEqual(15);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('refuse a mutation of no known name, or with no id or time, and change nothing', async () => {
    const before = await snapshot();
    const good = mutation('dismissPost', { key: KEY });
    for (const bad of [
      { ...good, name: 'dropTables' },
      { ...good, id: 'not-a-uuid' },
      { ...good, at: 'yesterday' },
      { name: 'dismissPost', args: { key: KEY } },
      null,
      'dismissPost',
    ]) {
      await expect(apply(bad as never, database)).rejects.toBeInstanceOf(MutationError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuse what the base does not allow, whole: an unknown customer, a post never seen, a bad edit', async () => {
    const before = await snapshot();
    const nobody = '01900000-0000-7000-8000-000000000000';
    await expect(
      mutate('addNote', { customerId: nobody, note: { at: '2026-12-04', text: 'x' } }, database),
    ).rejects.toThrow(/No customer/);
    await expect(mutate('dismissPost', { key: 'x:404' }, database)).rejects.toThrow(/No post/);
    const event = { date: 'last spring', kind: 'moved', text: 'Moved', source: 'agent' } as const;
    await expect(mutate('addLifeEvent', { customerId: lorena.id, event }, database)).rejects.toThrow(
      /editBadDate/,
    );
    await expect(
      mutate('saveCustomer', { customer: { ...lorena, emails: ['not an email'] } }, database),
    ).rejects.toThrow(/editBadEmail/);
    await expect(
      mutate(
        'linkAccount',
        { customerId: lorena.id, identity: identityFrom('x', 'no spaces allowed', 'confirmed') },
        database,
      ),
    ).rejects.toThrow(/editBadHandle/);
    expect(await snapshot()).toEqual(before);
  });

  it('add a note to a customer whose imported record would not pass the editor’s checks', async () => {
    const odd = { ...lorena, orders: [{ id: '', date: '02/11/2026', items: [] }] };
    await database.customers.put(odd);
    await mutate(
      'addNote',
      { customerId: lorena.id, note: { at: '2026-12-04', text: 'Called back' } },
      database,
    );
    expect((await database.customers.get(lorena.id))?.notes.at(-1)?.text).toBe('Called back');
  });

  it('tell listeners when customers changed, and only then', async () => {
    let told = 0;
    const stop = onCustomersChanged(() => told++);
    await mutate('dismissPost', { key: KEY }, database);
    expect(told).toBe(0);
    await mutate(
      'linkAccount',
      { customerId: lorena.id, identity: identityFrom('x', 'lw_two', 'confirmed') },
      database,
    );
    expect(told).toBe(1);
    await mutate('addNote', { customerId: 'nobody', note: { at: '2026-12-04', text: 'x' } }, database).catch(
      () => undefined,
    );
    expect(told).toBe(1);
    stop();
    await mutate('clearBase', {}, database);
    expect(told).toBe(1);
  });

  it('keep the accounts table true: a linked account is matched to its customer at once', async () => {
    await mutate(
      'linkAccount',
      { customerId: lorena.id, identity: identityFrom('x', 'lw_two', 'confirmed') },
      database,
    );
    expect((await database.accounts.get('x:lw_two'))?.customerId).toBe(lorena.id);
  });

  it('record a post seen again once: its record and what was done stay, and nothing is queued', async () => {
    await mutate('markAnswered', { key: KEY }, database);
    const before = await database.interactions.get(KEY);
    const queued = await database.outbox.count();
    const next = { ...post, id: '1859000000000000102', url: `${post.url}2` };
    await mutate('recordPagePosts', { posts: [post, next, post], brandHandles: [] }, database);
    expect(await database.interactions.get(KEY)).toEqual(before);
    expect((await database.interactions.get('x:1859000000000000102'))?.status).toBe('open');
    // Only the new post goes to the team: the one already held was not written again.
    const rows = await database.outbox.orderBy('seq').offset(queued).toArray();
    expect(rows.flatMap((r) => r.keys)).toEqual(['interactions|x:1859000000000000102']);
  });
});
