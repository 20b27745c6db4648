import { describe, expect, it } from 'vitest';
import { KeyLines } from './key-lines';

describe('the keys of the rows read', () => {
  it('give back the line of each key, and nothing for a key not seen, through many growths', () => {
    const keys = new KeyLines();
    const n = 200_000;
    for (let i = 0; i < n; i++) keys.set(`email person${i}@example.com`, i + 2);
    expect(keys.size).toBe(n);
    // Counted, then asserted once: an expect per key made the test slow on a busy machine.
    let wrong = 0;
    for (let i = 0; i < n; i++) if (keys.get(`email person${i}@example.com`) !== i + 2) wrong++;
    // Near misses: another kind of key, another case, one character more.
    let found = 0;
    for (let i = 0; i < n; i += 7) {
      if (keys.get(`phone person${i}@example.com`) !== undefined) found++;
      if (keys.get(`email Person${i}@example.com`) !== undefined) found++;
      if (keys.get(`email person${i}@example.com.`) !== undefined) found++;
    }
    expect({ wrong, found }).toEqual({ wrong: 0, found: 0 });
  });

  it('keep the latest line for a key set again, and tell apart keys in any script', () => {
    const keys = new KeyLines();
    keys.set('x лорена', 3);
    keys.set('x лорена', 9);
    keys.set('x лорена🌿', 4);
    expect(keys.get('x лорена')).toBe(9);
    expect(keys.get('x лорена🌿')).toBe(4);
    expect(keys.size).toBe(2);
  });
});
