import { describe, expect, it } from 'vitest';
import { keepRecent, progressFigures, RATE_WINDOW_MS, type ProgressSample } from './progress';

describe('import progress', () => {
  const at = (rows: number, total: number) => ({
    phase: 'customers' as const,
    rows,
    total,
  });
  const start: ProgressSample = { at: 0, rows: 0 };

  it('gives the rate and the time left once a second has been measured', () => {
    expect(progressFigures(at(20_000, 100_000), [start, { at: 2_000, rows: 20_000 }])).toEqual({
      done: 20_000,
      total: 100_000,
      rate: 10_000,
      secondsLeft: 8,
    });
  });

  it('gives no rate before a second has passed, and never a total below what is done', () => {
    expect(progressFigures(at(2_000, 100_000), [start, { at: 400, rows: 2_000 }])).toEqual({
      done: 2_000,
      total: 100_000,
      rate: null,
      secondsLeft: null,
    });
    expect(
      progressFigures({ phase: 'customers', rows: 12, total: 10 }, [start, { at: 5_000, rows: 12 }]),
    ).toMatchObject({
      total: 12,
      secondsLeft: 0,
    });
  });

  it('takes the rate of the last half minute when writing slows, not the average since the start', () => {
    // 2,000 rows a second for two minutes, then 500 a second for one.
    let samples: ProgressSample[] = [start];
    let rows = 0;
    for (let s = 1; s <= 180; s++) {
      rows += s <= 120 ? 2_000 : 500;
      samples = keepRecent(samples, { at: s * 1000, rows });
    }
    const figures = progressFigures(at(rows, 1_000_000), samples);
    expect(figures.rate).toBe(500);
    expect(figures.secondsLeft).toBe((1_000_000 - rows) / 500);
    // The average since the start would have said 1,500 a second, and a third of the time left.
    expect(samples.length).toBe(RATE_WINDOW_MS / 1000 + 1);
  });

  it('keeps the sample just before the window, so the rate spans all of it', () => {
    const kept = keepRecent([start, { at: 10_000, rows: 100 }], { at: 45_000, rows: 400 });
    expect(kept).toEqual([
      { at: 10_000, rows: 100 },
      { at: 45_000, rows: 400 },
    ]);
    expect(progressFigures(at(400, 1000), kept).rate).toBeCloseTo(300 / 35);
  });
});
