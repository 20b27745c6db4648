import { beforeEach, describe, expect, it } from 'vitest';
import { newCustomer } from '../db/customers';
import { mutate } from '../db/mutations';
import { ConciergeDb } from '../db/schema';
import type { Customer } from '../db/types';
import type { Change } from './changes';
import { TEST_LINK } from './test-link';

let database: ConciergeDb;

beforeEach(() => {
  database = new ConciergeDb(`share-${crypto.randomUUID()}`);
});

const queued = async (): Promise<Change[]> =>
  (await database.outbox.orderBy('seq').toArray()).flatMap((r) => r.changes);

/** Records as the team server sends them. */
const pull = (customers: Customer[], cursor: number) =>
  mutate(
    'applyTeamRecords',
    {
      records: customers.map((doc, i) => ({
        t: 'customers' as const,
        k: doc.id,
        version: i + 1,
        doc: { ...doc },
      })),
      cursor,
    },
    database,
  );

const mira = () =>
  newCustomer({
    name: 'Mira Hollis',
    crmId: 'C-1001',
    emails: ['mira.hollis@example.com'],
    phones: ['+1 555 0100 301'],
    tags: ['kitchen'],
    notes: [{ at: '2026-11-01T10:00:00.000Z', text: 'Prefers e-mail' }],
  });

describe('what the device had before it joined a team', () => {
  it('stays on the device: changes to it are not queued, changes to the team’s records are', async () => {
    const local = mira();
    await mutate('addCustomer', { customer: local }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await mutate('addNote', { customerId: local.id, note: { at: '1', text: 'kept here' } }, database);
    await mutate('deleteCustomer', { id: local.id }, database);
    expect(await queued()).toEqual([]);

    const teams = newCustomer({ name: 'Bo Chen' });
    await mutate('addCustomer', { customer: teams }, database);
    await mutate('addNote', { customerId: teams.id, note: { at: '2', text: 'shared' } }, database);
    expect((await queued()).map((c) => c.k)).toEqual([teams.id, teams.id]);
  });

  it('is shared whole when the agent shares it, sample customers left out', async () => {
    await mutate('loadSample', {}, database);
    const local = mira();
    await mutate('addCustomer', { customer: local }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    const outcome = await mutate('shareWithTeam', {}, database);
    expect(outcome).toEqual({ sent: 1, merged: 0, left: 0 });
    const [change] = await queued();
    // Every field of the record, as a new record on the server: not a change to one it lacks.
    expect(change).toMatchObject({
      t: 'customers',
      k: local.id,
      set: { name: 'Mira Hollis', crmId: 'C-1001', tier: 'regular', createdAt: local.createdAt },
      add: { emails: ['mira.hollis@example.com'], tags: ['kitchen'], notes: local.notes },
    });
    expect(await queued()).toHaveLength(1);
    // From now on it is the team's: a change to it is queued.
    await mutate('addNote', { customerId: local.id, note: { at: '3', text: 'after sharing' } }, database);
    expect((await queued()).at(-1)).toMatchObject({
      k: local.id,
      add: { notes: [{ text: 'after sharing' }] },
    });
    // Sample customers stay on the device, and their changes too.
    const lorena = (await database.customers.where('nameWords').equals('lorena').first())!;
    await mutate('addNote', { customerId: lorena.id, note: { at: '4', text: 'demo' } }, database);
    expect((await queued()).some((c) => c.k === lorena.id)).toBe(false);
  });

  it('merges a customer the team already has into the team’s record, by CRM id, and moves the answers about them', async () => {
    const local = { ...mira(), phones: ['+1 555 0100 399'], preferences: { delivery: 'mornings' } };
    await mutate('addCustomer', { customer: local }, database);
    await mutate('rejectCandidate', { authorKey: 'x:somebody', customerId: local.id }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    // The same CRM export, imported by another agent: another id, the team's own note and tier.
    const team: Customer = {
      ...mira(),
      tier: 'vip',
      notes: [{ at: '2026-11-20T10:00:00.000Z', text: 'Called about the kettle', by: 'Anna' }],
    };
    await pull([team], 1);
    expect(await database.customers.count()).toBe(2);

    expect(await mutate('shareWithTeam', {}, database)).toEqual({ sent: 0, merged: 1, left: 0 });
    const [only, ...none] = await database.customers.toArray();
    expect(none).toEqual([]);
    expect(only!.id).toBe(team.id);
    expect(only!.tier).toBe('vip');
    expect(only!.phones).toEqual(['+1 555 0100 301', '+1 555 0100 399']);
    expect(only!.notes.map((n) => n.text)).toEqual(['Called about the kettle', 'Prefers e-mail']);
    expect(only!.preferences).toEqual({ delivery: 'mornings' });
    expect(only!.phoneKeys).toContain('15550100399');
    // The team hears of what this device added to its record, and nothing of the local copy.
    const changes = await queued();
    expect(changes.map((c) => c.k).filter((k) => k !== team.id && !k.startsWith('x:'))).toEqual([]);
    expect(changes.find((c) => c.k === team.id)).toMatchObject({
      add: { phones: ['+1 555 0100 399'] },
      set: { preferences: { delivery: 'mornings' } },
    });
    expect(await database.rejections.toArray()).toMatchObject([
      { key: `x:somebody|${team.id}`, customerId: team.id },
    ]);
  });

  it('matches by e-mail when the CRM ids differ, and never merges into another unshared record', async () => {
    const a = { ...mira(), crmId: 'A-1' };
    const b = { ...mira(), crmId: 'B-1', emails: ['mira.hollis@example.com'] };
    await mutate('addCustomer', { customer: a }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    await database.customers.put(b); // a second local copy, not yet the team's
    await database.unshared.put({ ref: `customers|${b.id}` });
    const team = newCustomer({ name: 'M. Hollis', crmId: 'T-9', emails: ['Mira.Hollis@example.com'] });
    await pull([team], 1);
    expect(await mutate('shareWithTeam', {}, database)).toEqual({ sent: 0, merged: 2, left: 0 });
    const [only] = await database.customers.toArray();
    expect(only).toMatchObject({ id: team.id, name: 'M. Hollis', crmId: 'T-9' });
  });

  it('goes out one push at a time, counting down what is left', async () => {
    const drafts = Array.from({ length: 1200 }, (_, i) => ({ name: `Customer ${i}`, crmId: `C-${i}` }));
    await mutate('importBatch', { drafts }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    const lefts = [];
    for (let left = Infinity; left > 0;) {
      ({ left } = await mutate('shareWithTeam', {}, database));
      lefts.push(left);
    }
    expect(lefts).toEqual([700, 200, 0]);
    const changes = await queued();
    expect(changes).toHaveLength(1200);
    expect(new Set(changes.map((c) => c.set?.crmId)).size).toBe(1200);
  });

  it('becomes the team’s when the team sends it (joining again), and is all the device’s again after leaving', async () => {
    const local = mira();
    await mutate('addCustomer', { customer: local }, database);
    await mutate('joinTeam', { link: TEST_LINK }, database);
    expect(await database.unshared.count()).toBe(1);
    await pull([local], 1);
    expect(await database.unshared.count()).toBe(0);
    await mutate('addNote', { customerId: local.id, note: { at: '1', text: 'queued' } }, database);
    expect(await queued()).toHaveLength(1);
    await mutate('leaveTeam', {}, database);
    expect(await database.unshared.count()).toBe(0);
    await expect(mutate('shareWithTeam', {}, database)).rejects.toThrow('Join a team');
  });
});
