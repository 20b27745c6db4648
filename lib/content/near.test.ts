import { afterEach, describe, expect, it } from 'vitest';
import { nearScreen } from './near';

const ROW = 100;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const SCREEN = 900;

/** A page of `count` rows of 100 px, one under another; the test scrolls it and runs its frames. */
function fakePage(count: number) {
  document.body.innerHTML = '';
  const rows = Array.from({ length: count }, (_, i) => {
    const row = document.createElement('div');
    row.dataset.i = String(i);
    document.body.append(row);
    return row;
  });
  const state = { scrollY: 0, hidden: false, rectsRead: 0 };
  for (const row of rows) {
    const i = Number(row.dataset.i);
    row.getBoundingClientRect = () => {
      state.rectsRead++;
      const top = i * ROW - state.scrollY;
      return { top, bottom: top + ROW } as DOMRect;
    };
  }
  const frames: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const events = new EventTarget();
  const win = {
    document,
    performance,
    innerHeight: SCREEN,
    requestAnimationFrame: (run: () => void) => frames.push(run),
    setTimeout: (run: () => void) => tasks.push(run),
    addEventListener: events.addEventListener.bind(events),
  } as unknown as Window & typeof globalThis;
  const released: number[] = [];
  const controller = new AbortController();
  const watch = nearScreen(
    win,
    controller.signal,
  )((elements) => released.push(...elements.map((el) => Number((el as HTMLElement).dataset.i))));
  /** The next frame, and the tasks it queued; a hidden tab has no frames. */
  const frame = () => {
    if (state.hidden) return;
    frames.splice(0).forEach((run) => run());
    tasks.splice(0).forEach((run) => run());
  };
  const scrollTo = (y: number) => {
    state.scrollY = y;
    events.dispatchEvent(new Event('scroll'));
    frame();
  };
  return { rows, state, watch, frame, scrollTo, released, controller, events };
}

describe('badges held until their post comes near the screen', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('let go of the rows within two screens of the viewport, and of others as scrolling brings them', () => {
    const { rows, watch, frame, scrollTo, released } = fakePage(100);
    // Rows 15 on were found far below the screen (the first screen and a half was on it).
    for (const row of rows.slice(15)) watch.hold(row);
    frame();
    // Within two screens below the viewport's 900 px: rows whose top is at most 2,700 px.
    expect(released).toEqual(range(15, 27));

    released.length = 0;
    scrollTo(6000);
    // Two screens either side of 6,000–6,900 px: rows from 4,200 px (their bottom) to 9,600 px.
    expect(released).toEqual(range(41, 87));

    // Rows 28 to 40 were jumped over while held: they wait until they come near again.
    released.length = 0;
    scrollTo(0);
    expect(released).toEqual([]);
    scrollTo(1500);
    expect(released).toEqual(range(28, 40));
  });

  it('read a few dozen positions, not every held row’s, whatever the number held', () => {
    const { rows, state, watch, frame, scrollTo, released } = fakePage(10_000);
    for (const row of rows.slice(20)) watch.hold(row);
    frame();
    expect(released).toEqual(range(20, 27));
    state.rectsRead = 0;
    scrollTo(500_000);
    expect(released.slice(8)).toEqual(range(4981, 5027));
    // Two binary searches over 9,972 rows: 14 reads each at most.
    expect(state.rectsRead).toBeLessThanOrEqual(28);
  });

  it('keep rows in the page’s order, however they were answered', () => {
    const { rows, watch, frame, scrollTo, released } = fakePage(100);
    for (const i of [60, 40, 80, 30, 50]) watch.hold(rows[i]!);
    frame();
    expect(released).toEqual([]);
    scrollTo(2000);
    // Near 2,000–2,900 px: rows from 200 to 4,700 px.
    expect(released).toEqual([30, 40]);
    scrollTo(7000);
    expect(released).toEqual([30, 40, 60, 80]);
  });

  it('never draw into rows that left the page, and hold a row once', () => {
    const { rows, watch, frame, scrollTo, released } = fakePage(100);
    for (const row of rows.slice(30, 40)) watch.hold(row);
    watch.hold(rows[35]!);
    rows[31]!.remove();
    frame();
    scrollTo(3000);
    expect(released).toEqual([30, 32, 33, 34, 35, 36, 37, 38, 39]);
  });

  it('look again when a hidden tab is shown, when the page changes and when it is resized', () => {
    const { rows, state, watch, frame, released, events } = fakePage(100);
    state.hidden = true;
    watch.hold(rows[50]!);
    // A hidden tab draws no frame: nothing is looked at.
    frame();
    expect(released).toEqual([]);
    state.hidden = false;
    state.scrollY = 4000;
    frame();
    expect(released).toEqual([50]);

    watch.hold(rows[90]!);
    frame();
    // The page grew above the row (more comments opened): it came near without a scroll.
    state.scrollY = 7500;
    watch.recheck();
    frame();
    expect(released).toEqual([50, 90]);

    watch.hold(rows[10]!);
    frame();
    state.scrollY = 0;
    events.dispatchEvent(new Event('resize'));
    frame();
    expect(released).toEqual([50, 90, 10]);
  });

  it('stop watching once the content script is stopped', () => {
    const { rows, watch, frame, scrollTo, released, controller } = fakePage(100);
    watch.hold(rows[50]!);
    frame();
    controller.abort();
    scrollTo(5000);
    watch.hold(rows[60]!);
    frame();
    expect(released).toEqual([]);
  });
});
