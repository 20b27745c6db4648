import type { Interaction } from '../db/types';

export interface ResponseStats {
  waiting: number;
  answered: number;
  /** Median time to the brand's first answer, in hours; null when nothing was answered yet. */
  medianHours: number | null;
  /** Answered later than the target, or still waiting past it. */
  breaches: number;
  /** First-answer times in bands: under 1 h, 1–4 h, 4–12 h, 12–24 h, over 24 h. */
  bands: number[];
}

export const BANDS = [1, 4, 12, 24, Infinity];
const HOUR = 3_600_000;

/** Waiting, answered, how fast and how often late, for a set of customer posts. */
export function responseStats(
  posts: readonly Interaction[],
  targetHours: number,
  now = Date.now(),
): ResponseStats {
  const stats: ResponseStats = {
    waiting: 0,
    answered: 0,
    medianHours: null,
    breaches: 0,
    bands: BANDS.map(() => 0),
  };
  const times: number[] = [];
  for (const post of posts) {
    if (post.status === 'dismissed') continue;
    const since = Date.parse(post.createdAt ?? post.seenAt);
    if (post.status === 'replied') {
      stats.answered++;
      if (post.respondedAt) {
        const hours = Math.max(0, (Date.parse(post.respondedAt) - since) / HOUR);
        times.push(hours);
        stats.bands[BANDS.findIndex((b) => hours < b)]!++;
        if (hours > targetHours) stats.breaches++;
      }
    } else {
      stats.waiting++;
      if ((now - since) / HOUR > targetHours) stats.breaches++;
    }
  }
  if (times.length) {
    const sorted = times.toSorted((a, b) => a - b);
    const mid = sorted.length / 2;
    stats.medianHours = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return stats;
}
