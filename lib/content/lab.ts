/**
 * Where the content script's time goes, piece by piece: what the benchmark (bench/page.ts) reads
 * to tell a long task ours or not. Compiled only into the CONCIERGE_BENCH build (see start.ts);
 * users' content scripts count posts and misses, nothing more.
 */
export interface LabStats {
  /** Main-thread time spent in the content script, in milliseconds. */
  busyMs: number;
  /**
   * Of busyMs: looking at what changed (records, keys), reading posts, drawing badges, sending
   * to the worker, sorting posts on and off screen.
   */
  lookMs: number;
  parseMs: number;
  badgeMs: number;
  sendMs: number;
  screenMs: number;
  slowestBatchMs: number;
  /** Batches read in more than one piece, each in a task of its own, so that none grew long. */
  slicedBatches: number;
  /** Answers whose badges were drawn in more than one piece, for the same reason. */
  slicedDraws: number;
  /**
   * The latest pieces of work: when each began (the page's clock) and how long it took. `observer`
   * marks the MutationObserver's callback, which the DOM runs at the end of the page's own task.
   */
  pieces: { at: number; ms: number; observer?: true }[];
  /** Posts the content script holds: those on the page, and the last ones to leave it. */
  postsHeld: number;
}

type Part = 'lookMs' | 'parseMs' | 'badgeMs' | 'sendMs' | 'screenMs';

export interface Lab {
  /** A piece of work of `ms` of its own that ended now; with a part, also counted to the part. */
  spend(ms: number, part?: Part): void;
  /** Time inside a piece counted already (by `spend`), counted to a part only. */
  within(ms: number, part: Part): void;
  /** The observer's callback took `ms`, inside the page's task that changed the page. */
  noted(ms: number): void;
  sliced(kind: 'slicedBatches' | 'slicedDraws'): void;
  stats(postsHeld: number): LabStats;
}

const MAX_PIECES = 5000;

export function startLab(now: () => number): Lab {
  const s = {
    busyMs: 0,
    lookMs: 0,
    parseMs: 0,
    badgeMs: 0,
    sendMs: 0,
    screenMs: 0,
    slowestBatchMs: 0,
    slicedBatches: 0,
    slicedDraws: 0,
  };
  const pieces: LabStats['pieces'] = [];
  return {
    spend(ms, part) {
      if (part) s[part] += ms;
      s.busyMs += ms;
      s.slowestBatchMs = Math.max(s.slowestBatchMs, ms);
      pieces.push({ at: now() - ms, ms });
      if (pieces.length > MAX_PIECES) pieces.shift();
    },
    within(ms, part) {
      s[part] += ms;
    },
    noted(ms) {
      s.busyMs += ms;
      pieces.push({ at: now() - ms, ms, observer: true });
      if (pieces.length > MAX_PIECES) pieces.shift();
    },
    sliced(kind) {
      s[kind] += 1;
    },
    stats: (postsHeld) => ({ ...s, pieces: [...pieces], postsHeld }),
  };
}
