import type { Interaction } from '../db/types';

export interface ResponseStats {
  waiting: number;
  /** Waiting posts whose own time the page did not show: how long they have waited is unknown. */
  waitUnknown: number;
  answered: number;
  /** Answered posts whose wait is unknown: no time for the post, or none for its answer. */
  untimed: number;
  /** Median time to the brand's first answer, in hours; null when no answer was timed. */
  medianHours: number | null;
  /** Answered later than the target, or known to be waiting past it. */
  breaches: number;
  /** First-answer times in bands: under 1 h, 1–4 h, 4–12 h, 12–24 h, over 24 h. */
  bands: number[];
}

export const BANDS = [1, 4, 12, 24, Infinity];
const HOUR = 3_600_000;

/** When the post was written, if the page said; the time it was first seen is no stand-in. */
function postedAt(post: Interaction): number | null {
  const t = post.createdAt ? Date.parse(post.createdAt) : NaN;
  return Number.isFinite(t) ? t : null;
}

/**
 * Hours from the post to the brand's first answer: the brand's reply seen on the page, or the
 * reply inserted through Concierge that the agent confirmed. Null when either time is unknown,
 * or when they contradict each other (an answer before the post).
 */
export function answerHours(post: Interaction): number | null {
  const since = postedAt(post);
  const answered = post.respondedAt ? Date.parse(post.respondedAt) : NaN;
  if (since === null || !Number.isFinite(answered) || answered < since) return null;
  return (answered - since) / HOUR;
}

/** Waiting, answered, how fast and how often late, for a set of customer posts. */
export function responseStats(
  posts: readonly Interaction[],
  targetHours: number,
  now = Date.now(),
): ResponseStats {
  const stats: ResponseStats = {
    waiting: 0,
    waitUnknown: 0,
    answered: 0,
    untimed: 0,
    medianHours: null,
    breaches: 0,
    bands: BANDS.map(() => 0),
  };
  const times: number[] = [];
  for (const post of posts) {
    if (post.status === 'dismissed') continue;
    if (post.status === 'replied') {
      stats.answered++;
      const hours = answerHours(post);
      if (hours === null) {
        stats.untimed++;
        continue;
      }
      times.push(hours);
      stats.bands[BANDS.findIndex((b) => hours < b)]!++;
      if (hours > targetHours) stats.breaches++;
    } else {
      stats.waiting++;
      const since = postedAt(post);
      if (since === null) stats.waitUnknown++;
      else if ((now - since) / HOUR > targetHours) stats.breaches++;
    }
  }
  if (times.length) {
    const sorted = times.toSorted((a, b) => a - b);
    const mid = sorted.length / 2;
    stats.medianHours = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  return stats;
}
