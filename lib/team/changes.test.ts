import { describe, expect, it } from 'vitest';
import { diffRecord, mergeRecord, type Doc } from './changes';

const lorena: Doc = {
  id: 'c1',
  name: 'Lorena Willis',
  tier: 'vip',
  tags: ['kitchen', 'vip'],
  notes: [{ at: '1', text: 'Prefers mornings' }],
  identities: [{ site: 'x', handle: 'LorenaWillis', source: 'imported', addedAt: '1' }],
  orders: [{ id: 'HC-1', date: '2026-11-01', items: [{ name: 'Stone kettle' }], status: 'unfulfilled' }],
  identityKeys: ['x:lorenawillis'],
  updatedAt: '1',
};

describe('record changes', () => {
  it('carry only what changed, and nothing derived', () => {
    const after = {
      ...lorena,
      tier: 'gold',
      tags: ['kitchen', 'returns'],
      identityKeys: ['x:other'],
      orders: [{ ...(lorena.orders as Doc[])[0], status: 'fulfilled' }],
      updatedAt: '2',
    };
    expect(diffRecord('customers', 'c1', lorena, after)).toEqual({
      t: 'customers',
      k: 'c1',
      set: { tier: 'gold', updatedAt: '2' },
      add: { tags: ['returns'], orders: [(after.orders as Doc[])[0]] },
      rm: { tags: ['vip'] },
    });
    expect(diffRecord('customers', 'c1', lorena, { ...lorena })).toBeNull();
  });

  it('say a removed field as null and a deleted record as a tombstone', () => {
    expect(diffRecord('customers', 'c1', lorena, { ...lorena, tier: undefined })?.set).toEqual({
      tier: null,
    });
    expect(diffRecord('customers', 'c1', lorena, undefined)).toEqual({ t: 'customers', k: 'c1', del: true });
    expect(diffRecord('customers', 'c1', undefined, undefined)).toBeNull();
  });

  it('rebuild the record from nothing: the first change of a new record is the whole record', () => {
    const first = diffRecord('customers', 'c1', undefined, lorena)!;
    const { identityKeys: _derived, ...shared } = lorena;
    // Lists it did not have come as empty lists, as every copy keeps them.
    expect(mergeRecord(null, first)).toEqual({
      ...shared,
      aliases: [],
      emails: [],
      phones: [],
      lifeEvents: [],
    });
  });

  it('merge two agents’ edits: scalars to the later, lists as sets, an account once however learned', () => {
    const anna = diffRecord('customers', 'c1', lorena, {
      ...lorena,
      tier: 'gold',
      notes: [...(lorena.notes as Doc[]), { at: '2', text: 'Anna: called back' }],
      identities: [
        ...(lorena.identities as Doc[]),
        { site: 'x', handle: 'lorenaw', source: 'confirmed', addedAt: '2' },
      ],
    })!;
    const boris = diffRecord('customers', 'c1', lorena, {
      ...lorena,
      tier: 'regular',
      tags: ['kitchen'],
      notes: [...(lorena.notes as Doc[]), { at: '3', text: 'Boris: sent a voucher' }],
      identities: [
        ...(lorena.identities as Doc[]),
        { site: 'x', handle: 'LORENAW', source: 'manual', addedAt: '3' },
      ],
    })!;
    const server = mergeRecord(mergeRecord(lorena, anna), boris)!;
    expect(server.tier).toBe('regular');
    expect(server.tags).toEqual(['kitchen']);
    expect((server.notes as Doc[]).map((n) => n.text)).toEqual([
      'Prefers mornings',
      'Anna: called back',
      'Boris: sent a voucher',
    ]);
    expect((server.identities as Doc[]).map((i) => i.handle)).toEqual(['LorenaWillis', 'LORENAW']);
    // Applied in the other order, the sets hold the same elements; the scalar goes to the later.
    const other = mergeRecord(mergeRecord(lorena, boris), anna)!;
    expect(new Set((other.notes as Doc[]).map((n) => n.text))).toEqual(
      new Set((server.notes as Doc[]).map((n) => n.text)),
    );
    expect(other.tier).toBe('gold');
  });

  it('keep a tombstone: no later change brings the record back', () => {
    const note = diffRecord('customers', 'c1', lorena, { ...lorena, notes: [{ at: '9', text: 'late' }] })!;
    expect(mergeRecord(null, note, true)).toBeNull();
    expect(mergeRecord(lorena, { t: 'customers', k: 'c1', del: true })).toBeNull();
  });

  it('start a tombstone again only from a change that makes the record anew', () => {
    const made = diffRecord('customers', 'c1', undefined, { ...lorena, tags: ['returns'] })!;
    expect(made.new).toBe(true);
    expect(diffRecord('customers', 'c1', lorena, { ...lorena, tier: 'gold' })!.new).toBeUndefined();
    const revived = mergeRecord(null, made, true)!;
    expect(revived.tags).toEqual(['returns']);
    expect(revived.name).toBe(lorena.name);
  });

  it('never let a change rename the record or write its derived fields', () => {
    const merged = mergeRecord(lorena, {
      t: 'customers',
      k: 'c1',
      set: { id: 'other', identityKeys: ['x:evil'] },
    })!;
    expect(merged.id).toBe('c1');
    expect(merged.identityKeys).toEqual(['x:lorenawillis']);
  });
});
