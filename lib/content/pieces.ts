/**
 * The content script's work, cut into pieces of about 4 ms that give way to the page: a piece
 * ends once its slice is spent or the moment input is waiting, and the next one runs in a task
 * of its own. Work for posts on screen runs first; the rest waits for idle time.
 */

/** `visible`: posts on screen, answered next. `idle`: posts below the fold, read when the page rests. */
export type Lane = 'visible' | 'idle';

/**
 * A job does small units of work until `spent()` says the piece is over; it returns true once it
 * has nothing left, false to be called again in a later piece. False ends the piece even with time
 * left in it: a job may want a task of its own for what comes next (a message, which the browser
 * copies after the piece).
 */
export type Job = (spent: () => boolean) => boolean;

/** What the pieces need from the page; tests pass a fake clock and fake tasks. */
export interface PieceHost {
  now: () => number;
  /** Whether a click or key press waits for the main thread. */
  inputPending: () => boolean;
  /** Runs `run` in a task of its own; an idle task may say how long the page will rest. */
  post: (lane: Lane, run: (idleMs?: number) => void) => void;
  /** Runs `run` once, with the next frame (what was read in one frame goes in one message). */
  frame: (run: () => void) => void;
}

export interface Pieces {
  add: (lane: Lane, job: Job) => void;
  /** Jobs not done yet, both lanes. */
  pending: () => number;
}

export interface PiecesOptions {
  host: PieceHost;
  signal: AbortSignal;
  sliceMs?: number;
  /** Told of each piece when it ends: when it began and how long it took. */
  onPiece?: (start: number, ms: number, lane: Lane) => void;
  /** Told whenever both lanes have run dry (the moment to send what was read). */
  onDrained?: () => void;
}

export const SLICE_MS = 4;

/** A first-in, first-out list that never shifts its array (a flood of jobs stays linear). */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.items[this.head];
  }
  drop(): void {
    this.items[this.head++] = undefined as T;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

export function createPieces(options: PiecesOptions): Pieces {
  const { host, signal } = options;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const lanes: Record<Lane, Fifo<Job>> = { visible: new Fifo(), idle: new Fifo() };
  const posted: Record<Lane, boolean> = { visible: false, idle: false };

  const request = (lane: Lane): void => {
    if (posted[lane] || signal.aborted) return;
    posted[lane] = true;
    host.post(lane, (idleMs) => piece(lane, idleMs));
  };

  const piece = (lane: Lane, idleMs?: number): void => {
    posted[lane] = false;
    if (signal.aborted) return;
    const start = host.now();
    // An idle task ends where the page's rest ends, if that comes before the slice does.
    const budget = idleMs === undefined ? sliceMs : Math.min(sliceMs, idleMs);
    const spent = () => host.now() - start >= budget || host.inputPending();
    // The idle lane's piece also takes visible work that came in meanwhile; never the reverse.
    const order: Lane[] = lane === 'idle' ? ['visible', 'idle'] : ['visible'];
    let over = false;
    for (const from of order) {
      const queue = lanes[from];
      while (!over && queue.size) {
        const job = queue.peek()!;
        let done = true;
        try {
          done = job(spent);
        } catch {
          // A job that throws is dropped, never retried forever; the page must not notice.
        }
        if (done) queue.drop();
        over = !done || spent();
      }
    }
    options.onPiece?.(start, host.now() - start, lane);
    if (lanes.visible.size) request('visible');
    if (lanes.idle.size) request('idle');
    if (!lanes.visible.size && !lanes.idle.size) options.onDrained?.();
  };

  return {
    add(lane, job) {
      if (signal.aborted) return;
      lanes[lane].push(job);
      request(lane);
    },
    pending: () => lanes.visible.size + lanes.idle.size,
  };
}

/** Chrome's `scheduler`, where the page has it. */
export interface ChromeScheduler {
  postTask?: (
    run: () => void,
    options: { priority: 'user-blocking' | 'user-visible' | 'background' },
  ) => Promise<void>;
  yield?: () => Promise<void>;
}

/**
 * The page's own means of giving way, the best it has: `scheduler.yield()` for the next visible
 * piece and `scheduler.postTask` at background priority for idle work where Chrome has them,
 * `requestIdleCallback` with its deadline otherwise, and a plain task as the last resort.
 */
export function pageHost(win: Window & typeof globalThis): PieceHost {
  const scheduler = (win as unknown as { scheduler?: ChromeScheduler }).scheduler;
  const scheduling = (win.navigator as unknown as { scheduling?: { isInputPending?: () => boolean } })
    .scheduling;
  const inputPending = scheduling?.isInputPending?.bind(scheduling);
  const later = (run: () => void) => void win.setTimeout(run, 0);
  const ignore = () => undefined;
  return {
    now: () => win.performance.now(),
    inputPending: inputPending ? () => inputPending() : () => false,
    post(lane, run) {
      if (lane === 'visible') {
        if (scheduler?.yield) scheduler.yield().then(() => run(), ignore);
        else later(() => run());
      } else if (scheduler?.postTask) {
        scheduler.postTask(() => run(), { priority: 'background' }).catch(ignore);
      } else if (win.requestIdleCallback) {
        // A tab that never rests still gets its posts read, a second late.
        win.requestIdleCallback((deadline) => run(deadline.timeRemaining()), { timeout: 1000 });
      } else later(() => run());
    },
    frame(run) {
      // A hidden tab draws no frames: a timer stands in, whichever comes first runs.
      let ran = false;
      const once = () => {
        if (ran) return;
        ran = true;
        run();
      };
      if (!win.document.hidden) win.requestAnimationFrame(once);
      win.setTimeout(once, 100);
    },
  };
}
