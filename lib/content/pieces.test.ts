import { describe, expect, it } from 'vitest';
import { createPieces, SLICE_MS, type Lane, type PieceHost } from './pieces';

/** A main thread on a clock the test moves: tasks wait until the test runs them. */
function fakeThread() {
  const thread = {
    clock: 0,
    input: false,
    tasks: [] as { lane: Lane; run: (idleMs?: number) => void }[],
    pieces: [] as { start: number; ms: number; lane: Lane }[],
  };
  const host: PieceHost = {
    now: () => thread.clock,
    inputPending: () => thread.input,
    post: (lane, run) => void thread.tasks.push({ lane, run }),
    frame: () => undefined,
  };
  const pieces = createPieces({
    host,
    signal: new AbortController().signal,
    onPiece: (start, ms, lane) => void thread.pieces.push({ start, ms, lane }),
  });
  /** Runs the next task (of a lane, if given); false when there is none. */
  const next = (lane?: Lane, idleMs?: number): boolean => {
    const at = thread.tasks.findIndex((t) => !lane || t.lane === lane);
    if (at < 0) return false;
    const [task] = thread.tasks.splice(at, 1);
    task!.run(idleMs);
    return true;
  };
  /** A job of `units` units of `ms` each, noting which unit ran in which piece. */
  const units = (count: number, ms: number, log: string[], name: string) => {
    let done = 0;
    return (spent: () => boolean) => {
      do {
        thread.clock += ms;
        log.push(`${name}${done++}@${thread.pieces.length}`);
        if (done === count) return true;
      } while (!spent());
      return false;
    };
  };
  return { thread, pieces, next, units };
}

describe('pieces of work', () => {
  it('end when a job gives way before its slice is spent, and the job goes on in the next', () => {
    const { pieces, next, thread } = fakeThread();
    const log: string[] = [];
    let calls = 0;
    // One unit a call, 0.5 ms each: it gives way after every unit.
    pieces.add(
      'visible',
      () => ((thread.clock += 0.5), log.push(`unit${calls}@${thread.pieces.length}`), ++calls === 3),
    );
    while (next());
    expect(log).toEqual(['unit0@0', 'unit1@1', 'unit2@2']);
  });

  it(`end once their slice (${SLICE_MS} ms) is spent, and go on in a task of their own`, () => {
    const { thread, pieces, next, units } = fakeThread();
    const log: string[] = [];
    pieces.add('visible', units(10, 1, log, 'a'));
    while (next());
    expect(log).toHaveLength(10);
    // Units of 1 ms: four to a piece, then the piece gives way.
    expect(thread.pieces.map((p) => p.ms)).toEqual([4, 4, 2]);
    expect(Math.max(...thread.pieces.map((p) => p.ms))).toBeLessThanOrEqual(SLICE_MS);
  });

  it('never run more than one unit past the slice, however slow a unit is', () => {
    const { thread, pieces, next, units } = fakeThread();
    pieces.add('visible', units(6, 3, [], 'a'));
    while (next());
    // 3 ms units: the second ends the slice at 6 ms; nothing starts after the slice is spent.
    expect(thread.pieces.map((p) => p.ms)).toEqual([6, 6, 6]);
  });

  it('give way at once when input is pending: one unit, then a task of its own', () => {
    const { thread, pieces, next, units } = fakeThread();
    const log: string[] = [];
    pieces.add('visible', units(5, 0.1, log, 'a'));
    thread.input = true;
    next();
    expect(log).toEqual(['a0@0']);
    expect(thread.tasks).toHaveLength(1);
    thread.input = false;
    next();
    expect(log).toHaveLength(5);
  });

  it('do the work of posts on screen first; the rest only in idle tasks', () => {
    const { thread, pieces, next, units } = fakeThread();
    const log: string[] = [];
    pieces.add('idle', units(2, 1, log, 'below'));
    pieces.add('visible', units(2, 1, log, 'shown'));
    while (next('visible'));
    expect(log).toEqual(['shown0@0', 'shown1@0']);
    expect(thread.tasks.map((t) => t.lane)).toEqual(['idle']);
    // Work on screen that comes during idle time is done first in the idle task.
    pieces.add('visible', units(1, 1, log, 'later'));
    thread.tasks.splice(
      thread.tasks.findIndex((t) => t.lane === 'visible'),
      1,
    );
    next('idle');
    expect(log.slice(2)).toEqual(['later0@1', 'below0@1', 'below1@1']);
  });

  it('end an idle piece where the page’s rest ends, if that is sooner than the slice', () => {
    const { thread, pieces, next, units } = fakeThread();
    pieces.add('idle', units(8, 1, [], 'a'));
    next('idle', 2);
    expect(thread.pieces[0]!.ms).toBe(2);
    next('idle', 50);
    expect(thread.pieces[1]!.ms).toBe(SLICE_MS);
  });

  it('drop a job that throws and go on with the next', () => {
    const { pieces, next, units } = fakeThread();
    const log: string[] = [];
    pieces.add('visible', () => {
      throw new Error('markup nobody foresaw');
    });
    pieces.add('visible', units(1, 1, log, 'a'));
    while (next());
    expect(log).toEqual(['a0@0']);
    expect(pieces.pending()).toBe(0);
  });

  it('keep a flood of jobs in order', () => {
    const { pieces, next } = fakeThread();
    const order: number[] = [];
    for (let i = 0; i < 5000; i++) pieces.add('visible', () => (order.push(i), true));
    while (next());
    expect(order).toEqual([...Array(5000).keys()]);
  });
});
