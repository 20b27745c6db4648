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

/** Figures from the job's last report and the time since the import started. */
export function progressFigures(progress: JobProgress, elapsedMs: number): ProgressFigures {
  const done = progress.rows;
  const total = Math.max(progress.total, done);
  if (elapsedMs < 1000 || done === 0) return { done, total, rate: null, secondsLeft: null };
  const rate = done / (elapsedMs / 1000);
  return { done, total, rate, secondsLeft: Math.max(0, Math.ceil((total - done) / rate)) };
}
