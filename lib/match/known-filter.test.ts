import { describe, expect, it } from 'vitest';
import { addHashes, filterOf, hasRoom, keyHashes, mayBeKnown, newFilter } from './known-filter';

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i * 7919}_${i}`);

describe('the filter of known identity keys', () => {
  it('never rules out a key it holds, and lets few strangers through', () => {
    const known = keys('x:customer_', 20_000);
    const filter = filterOf(known.flatMap(keyHashes));
    expect(known.every((k) => mayBeKnown(filter, k))).toBe(true);
    const strangers = keys('x:stranger_', 20_000);
    const passed = strangers.filter((k) => mayBeKnown(filter, k)).length / strangers.length;
    expect(passed).toBeLessThan(0.03);
    expect(passed).toBeGreaterThan(0);
  });

  it('counts a key once however often it is added, and says when it is full', () => {
    const filter = newFilter(0);
    const [h1, h2] = keyHashes('facebook:id:100042');
    addHashes(filter, h1, h2);
    addHashes(filter, h1, h2);
    expect(filter.count).toBe(1);
    // Keys whose bits were all set already do not count: filling it takes a few more than its size.
    for (const key of keys('x:', filter.capacity * 2))
      if (hasRoom(filter)) addHashes(filter, ...keyHashes(key));
    expect(hasRoom(filter)).toBe(false);
    expect(filter.count).toBe(filter.capacity);
  });

  it('spreads handles that differ in one character', () => {
    const a = keyHashes('x:anna');
    const b = keyHashes('x:anny');
    expect(a[0]).not.toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });
});
