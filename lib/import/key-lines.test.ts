import { describe, expect, it } from 'vitest';
import { KeyLines } from './key-lines';

describe('the keys of the rows read', () => {
  it('give back the line of each key, and nothing for a key not seen, through many growths', () => {
    const keys = new KeyLines();
    const n = 200_000;
    for (let i = 0; i < n; i++) keys.set(`email person${i}@example.com`, i + 2);
    expect(keys.size).toBe(n);
    for (let i = 0; i < n; i++) expect(keys.get(`email person${i}@example.com`)).toBe(i + 2);
    // Near misses: another kind of key, another case, one character more.
    for (let i = 0; i < n; i += 7) {
      expect(keys.get(`phone person${i}@example.com`)).toBeUndefined();
      expect(keys.get(`email Person${i}@example.com`)).toBeUndefined();
      expect(keys.get(`email person${i}@example.com.`)).toBeUndefined();
    }
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
