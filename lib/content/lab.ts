/**
 * Where the content script's time goes, piece by piece: what the benchmark (bench/page.ts) reads
 * to tell a long task ours or not. Compiled only into the CONCIERGE_BENCH build (see start.ts);
 * users' content scripts count posts and misses, nothing more.
 */
export interface LabStats {
  /** Main-thread time spent in the content script, in milliseconds. */
  busyMs: number;
  /** Of busyMs: reading posts, and drawing badges. */
  parseMs: number;
  badgeMs: number;
  slowestBatchMs: number;
  /** Batches read in more than one piece, each in a task of its own, so that none grew long. */
  slicedBatches: number;
  /** Answers whose badges were drawn in more than one piece, for the same reason. */
  slicedDraws: number;
  /** The latest pieces of work of a millisecond or more: when each began (the page's clock) and how long it took. */
  pieces: { at: number; ms: number }[];
  /** Posts the content script holds: those on the page, and the last ones to leave it. */
  postsHeld: number;
}

export interface Lab {
  /** A piece of work of `ms` that ended now; with a part, the time is also counted to it. */
  spend(ms: number, part?: 'parseMs' | 'badgeMs'): void;
  sliced(kind: 'slicedBatches' | 'slicedDraws'): void;
  stats(postsHeld: number): LabStats;
}

const PIECE_MS = 1;
const MAX_PIECES = 500;

export function startLab(now: () => number): Lab {
  const s = { busyMs: 0, parseMs: 0, badgeMs: 0, slowestBatchMs: 0, slicedBatches: 0, slicedDraws: 0 };
  const pieces: LabStats['pieces'] = [];
  return {
    spend(ms, part) {
      if (part) {
        s[part] += ms;
        return;
      }
      s.busyMs += ms;
      s.slowestBatchMs = Math.max(s.slowestBatchMs, ms);
      if (ms >= PIECE_MS) pieces.push({ at: now() - ms, ms });
      if (pieces.length > MAX_PIECES) pieces.shift();
    },
    sliced(kind) {
      s[kind] += 1;
    },
    stats: (postsHeld) => ({ ...s, pieces: [...pieces], postsHeld }),
  };
}
