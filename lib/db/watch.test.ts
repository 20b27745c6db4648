import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCustomer } from './customers';
import { ConciergeDb } from './schema';
import { watchCalmly } from './watch';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching a read calmly', () => {
  let database: ConciergeDb;
  let stop = () => {};
  let reads = 0;
  let seen: number[] = [];
  const errors: unknown[] = [];

  /** `slowMs`: how long each read takes before it counts. */
  const watchCount = (everyMs: number, tables = ['customers'], slowMs = 0) => {
    stop = watchCalmly(
      async () => {
        reads++;
        if (slowMs) await settle(slowMs);
        return database.customers.count();
      },
      tables,
      everyMs,
      { value: (n) => seen.push(n), error: (e) => errors.push(e) },
      database,
    );
  };
  const add = (name: string) => database.customers.add(newCustomer({ name }));

  beforeEach(async () => {
    database = new ConciergeDb(`watch-${crypto.randomUUID()}`);
    // Opening tells every watcher that anything may have changed.
    await database.open();
    reads = 0;
    seen = [];
    errors.length = 0;
  });
  afterEach(() => stop());

  it('reads at once, and at once again after the first write of a quiet spell', async () => {
    watchCount(100);
    await settle(150);
    expect(seen).toEqual([0]);
    await add('Ada Lane');
    await settle(30);
    expect(seen).toEqual([0, 1]);
    expect(errors).toEqual([]);
  });

  it('reads a stream of writes at most once per interval, and always reads the last', async () => {
    watchCount(200);
    await settle(50);
    for (let i = 0; i < 40; i++) {
      await add(`Customer ${i}`);
      await settle(10);
    }
    await settle(300);
    // 40 writes over about 0.5 s: a live query would have read 41 times.
    expect(reads).toBeLessThanOrEqual(5);
    expect(seen.at(-1)).toBe(40);
  });

  it('waits four times as long as a slow read took before the next, so writes keep their time', async () => {
    // A count of a million customers takes seconds: read back to back, it would hold every write.
    watchCount(10, ['customers'], 100);
    const end = Date.now() + 1200;
    for (let i = 0; Date.now() < end; i++) {
      await add(`Customer ${i}`);
      await settle(10);
    }
    // Back to back, 1.2 s of writes would have been read 12 times; here once per half second.
    expect(reads).toBeLessThanOrEqual(4);
    await settle(700);
    expect(seen.at(-1)).toBe(await database.customers.count());
  });

  it('ignores writes to other tables, and stops when told', async () => {
    watchCount(10, ['interactions']);
    await settle(50);
    await add('Ada Lane');
    await settle(50);
    expect(reads).toBe(1);
    stop();
    watchCount(10);
    await settle(50);
    stop();
    await add('Boris Petrov');
    await settle(50);
    expect(seen).toEqual([0, 1]);
  });

  it('reports a failed read', async () => {
    stop = watchCalmly(
      () => Promise.reject(new Error('disk full')),
      ['customers'],
      10,
      { value: () => {}, error: (e) => errors.push(e) },
      database,
    );
    await settle(20);
    expect(errors).toEqual([new Error('disk full')]);
  });
});
