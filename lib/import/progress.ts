import type { JobProgress } from './job';

/** What a person watching an import wants to know: how far, how fast, how long still. */
export interface ProgressFigures {
  done: number;
  total: number;
  /** Rows per second, once a second's worth has been measured. */
  rate: number | null;
  /** Seconds to the end at that rate. */
  secondsLeft: number | null;
}

/** Rows done by a moment (ms since the epoch or any clock, the same for all samples). */
export interface ProgressSample {
  at: number;
  rows: number;
}

/**
 * How far back the rate looks. Writing slows as the store grows (a million rows go at a quarter
 * of the first hundred thousand's rate), so the rate since the start promised too early an end.
 */
export const RATE_WINDOW_MS = 30_000;

/**
 * The samples to keep once `next` has come: those within the window of it, and the last one
 * before the window, so that the rate always spans at least the window once it can.
 */
export function keepRecent(samples: readonly ProgressSample[], next: ProgressSample): ProgressSample[] {
  const all = [...samples, next];
  let first = 0;
  while (first + 1 < all.length && next.at - all[first + 1]!.at >= RATE_WINDOW_MS) first++;
  return all.slice(first);
}

/**
 * Figures from the job's last report and the samples kept (the first of them the import's start,
 * at no rows): the rate is that of the recent window, or since the start while younger than it.
 */
export function progressFigures(progress: JobProgress, samples: readonly ProgressSample[]): ProgressFigures {
  const done = progress.rows;
  const total = Math.max(progress.total, done);
  const first = samples[0];
  const last = samples.at(-1);
  const span = first && last ? last.at - first.at : 0;
  if (span < 1000 || done === 0) return { done, total, rate: null, secondsLeft: null };
  const rate = (last!.rows - first!.rows) / (span / 1000);
  if (rate <= 0) return { done, total, rate: null, secondsLeft: null };
  return { done, total, rate, secondsLeft: Math.max(0, Math.ceil((total - done) / rate)) };
}
