import { beforeEach, describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { mutate } from '../db/mutations';
import { ConciergeDb } from '../db/schema';
import type { Customer } from '../db/types';
import type { Change } from './changes';
import { TEST_LINK } from './test-link';

let database: ConciergeDb;
let bo: Customer;

beforeEach(async () => {
  database = new ConciergeDb(`outbox-${crypto.randomUUID()}`);
  bo = newCustomer({ name: 'Bo Chen', tags: ['kitchen'] });
});

const queued = async () => (await database.outbox.orderBy('seq').toArray()).flatMap((r) => r.changes);

describe('the outbox', () => {
  it('queues nothing outside a team', async () => {
    await mutate('addCustomer', { customer: bo }, database);
    await mutate('addNote', { customerId: bo.id, note: { at: '1', text: 'hi' } }, database);
    expect(await database.outbox.count()).toBe(0);
  });

  it('queues each shared mutation’s changes with its id, in the same transaction', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    const added = await mutate('addCustomer', { customer: bo }, database);
    await mutate('addNote', { customerId: bo.id, note: { at: '1', text: 'Called back' } }, database);
    const rows = await database.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.name, r.part, r.keys])).toEqual([
      ['addCustomer', 0, [`customers|${bo.id}`]],
      ['addNote', 0, [`customers|${bo.id}`]],
    ]);
    expect(rows[0]!.mutation).not.toBe(rows[1]!.mutation);
    expect(rows[0]!.changes[0]).toMatchObject({
      t: 'customers',
      k: bo.id,
      set: { name: 'Bo Chen' },
      add: { tags: ['kitchen'] },
    });
    expect(rows[0]!.changes[0]!.set).not.toHaveProperty('nameWords');
    expect(rows[1]!.changes).toEqual([
      {
        t: 'customers',
        k: bo.id,
        set: { updatedAt: expect.any(String) },
        add: { notes: [{ at: '1', text: 'Called back' }] },
      },
    ]);
    expect(added.id).toBe(bo.id);
  });

  it('queues a deleted customer and the posts that went with them as tombstones', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await mutate('addCustomer', { customer: bo }, database);
    await mutate('deleteCustomer', { id: bo.id }, database);
    expect((await queued()).at(-1)).toEqual({ t: 'customers', k: bo.id, del: true });
  });

  it('keeps what is the agent’s own out: what they learned from their choices, and the sample shop', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await mutate(
      'recordTemplateUse',
      { templateId: 'en-sorry', intent: 'complaint', edited: false },
      database,
    );
    await mutate('loadSample', {}, database);
    expect(await database.outbox.count()).toBe(0);
  });

  it('splits a big write into parts of one push each', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    const drafts = Array.from({ length: 1200 }, (_, i) => ({ name: `Customer ${i}` }));
    await mutate('importBatch', { drafts }, database);
    const rows = await database.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.part, r.changes.length])).toEqual([
      [0, 500],
      [1, 500],
      [2, 200],
    ]);
    expect(new Set(rows.map((r) => r.mutation)).size).toBe(1);
  });

  it('writes nothing, queues nothing, when the mutation fails', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await expect(
      mutate('saveCustomer', { customer: { ...bo, emails: ['not an email'] } }, database),
    ).rejects.toThrow();
    expect(await database.outbox.count()).toBe(0);
  });

  it('merges the agent’s unsent changes over what a pull brings', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await mutate('addCustomer', { customer: bo }, database);
    const [sent] = await database.outbox.toArray();
    await mutate('teamPushed', { seqs: [sent!.seq!] }, database);
    await mutate('addNote', { customerId: bo.id, note: { at: '2', text: 'mine, not yet sent' } }, database);
    // Meanwhile another agent made Bo a VIP and wrote a note.
    const team = { ...bo, tier: 'vip', notes: [{ at: '1', text: 'from the team' }] };
    await mutate(
      'applyTeamRecords',
      { records: [{ t: 'customers', k: bo.id, version: 3, doc: team }], cursor: 3 },
      database,
    );
    const now = (await database.customers.get(bo.id))!;
    expect(now.tier).toBe('vip');
    expect(now.notes.map((n) => n.text)).toEqual(['from the team', 'mine, not yet sent']);
    expect(now.nameWords).toContain('bo');
    expect((await database.team.get('team'))!.cursor).toBe(3);
    // Applying pulled records queues nothing: they are the team's already.
    expect((await queued()).map((c: Change) => c.add?.notes)).toEqual([
      [{ at: '2', text: 'mine, not yet sent' }],
    ]);
  });

  it('refuses a pulled record that is not a record, and deletes one the team deleted', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await database.customers.put(bo);
    const outcome = await mutate(
      'applyTeamRecords',
      {
        records: [
          { t: 'customers', k: bo.id, version: 4, doc: null },
          { t: 'customers', k: crypto.randomUUID(), version: 5, doc: { name: 42, evil: '<script>' } },
        ],
        cursor: 5,
      },
      database,
    );
    expect(outcome).toEqual({ written: 0, deleted: 1, refused: 1 });
    expect(await database.customers.count()).toBe(0);
  });

  it('leaving the team drops the link and what was not sent, and keeps the records', async () => {
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await mutate('addCustomer', { customer: bo }, database);
    await mutate('leaveTeam', {}, database);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.team.count()).toBe(0);
    expect(await database.customers.count()).toBe(1);
  });
});
