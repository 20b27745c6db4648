import { describe, expect, it } from 'vitest';
import { progressFigures } from './progress';

describe('import progress', () => {
  const at = (rows: number, total: number) => ({
    phase: 'customers' as const,
    rows,
    total,
  });

  it('gives the rate and the time left once a second has been measured', () => {
    expect(progressFigures(at(20_000, 100_000), 2_000)).toEqual({
      done: 20_000,
      total: 100_000,
      rate: 10_000,
      secondsLeft: 8,
    });
  });

  it('gives no rate before a second has passed, and never a total below what is done', () => {
    expect(progressFigures(at(2_000, 100_000), 400)).toEqual({
      done: 2_000,
      total: 100_000,
      rate: null,
      secondsLeft: null,
    });
    expect(progressFigures({ phase: 'customers', rows: 12, total: 10 }, 5_000)).toMatchObject({
      total: 12,
      secondsLeft: 0,
    });
  });
});
