import { describe, expect, it } from 'vitest';
import { newCustomer } from './customers';

describe('customer ids', () => {
  it('increase in the order records are made, so an import writes its records in key order', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => newCustomer({ name: `Customer ${i}` }).id);
    expect(new Set(ids).size).toBe(ids.length);
    // IndexedDB orders string keys by code unit, as these comparisons do.
    const outOfOrder = ids.findIndex((id, i) => i > 0 && id <= ids[i - 1]!);
    expect(outOfOrder).toBe(-1);
  });

  it('are version 7 UUIDs whose first 48 bits are the time they were made', () => {
    const before = Date.now();
    const { id } = newCustomer({ name: 'Ada Lane' });
    expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-7[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    const made = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(made).toBeGreaterThanOrEqual(before);
    expect(made).toBeLessThanOrEqual(Date.now() + 1);
  });
});
