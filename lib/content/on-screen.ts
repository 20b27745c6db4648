import { nearBand } from './near';
import type { Job } from './pieces';

/**
 * Where a post is: on screen or half a screen from it (read first), near it (read in idle time,
 * its badge drawn with its answer), or far (read in idle time, its badge held until it comes
 * near: see ./near.ts).
 */
export type Place = 'visible' | 'near' | 'far';

type Put = (elements: Element[], place: Place) => void;

/**
 * Given where to put elements, and how to run a job in pieces, a function that sorts elements
 * into lanes, now or once it knows.
 */
export type ScreenSort = (put: Put, run: (job: Job) => void) => (elements: Element[]) => void;

/** Everything is on screen: for pages with no layout (tests) and as the content script's default. */
export const allOnScreen: ScreenSort = (put) => (elements) => put(elements, 'visible');

/**
 * Posts on screen, or half a screen from it, go first; the rest wait for idle time. One
 * IntersectionObserver tells them apart without forcing a layout of a page that is busy
 * building its rows; each element is looked at once and let go. Its callback runs inside the
 * page's frame and only keeps the entries: 10,000 rows added at once come as one callback, and
 * sorting them is a job, cut into pieces like the rest. A hidden tab renders nothing, so an
 * observer would never answer: its posts are read in idle time straight away.
 *
 * Posts within two screens have their badges drawn with their answer, in one frame with the
 * others. Held and let go a frame later, they made a second frame of changes, and on a long page
 * every such frame costs the page a restyle, layout and paint (bench/summary.md).
 */
export const onScreenFirst =
  (win: Window & typeof globalThis, signal: AbortSignal, measure?: (ms: number) => void): ScreenSort =>
  (put, run) => {
    const doc = win.document;
    const waiting = new Set<Element>();
    const answers: IntersectionObserverEntry[][] = [];
    let at = 0;
    const sort: Job = (spent) => {
      const visible: Element[] = [];
      const near: Element[] = [];
      const far: Element[] = [];
      // Where the observer saw each row, against the screen: no layout of our own.
      const band = nearBand(win.innerHeight);
      const isNear = ({ top, bottom }: DOMRectReadOnly) => bottom >= band.top && top <= band.bottom;
      while (answers.length) {
        const entries = answers[0]!;
        const entry = entries[at++]!;
        if (at >= entries.length) {
          answers.shift();
          at = 0;
        }
        if (waiting.delete(entry.target)) {
          observer.unobserve(entry.target);
          const sorted = entry.isIntersecting ? visible : isNear(entry.boundingClientRect) ? near : far;
          sorted.push(entry.target);
        }
        if (spent()) break;
      }
      if (visible.length) put(visible, 'visible');
      if (near.length) put(near, 'near');
      if (far.length) put(far, 'far');
      return !answers.length;
    };
    const observer = new win.IntersectionObserver(
      (entries) => {
        const start = win.performance.now();
        if (!answers.length) run(sort);
        answers.push(entries);
        measure?.(win.performance.now() - start);
      },
      { rootMargin: '50% 0px' },
    );
    const whenHidden = (): void => {
      if (!doc.hidden || !waiting.size) return;
      const left = [...waiting];
      waiting.clear();
      for (const el of left) observer.unobserve(el);
      put(left, 'far');
    };
    doc.addEventListener('visibilitychange', whenHidden, { signal });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        waiting.clear();
        answers.length = 0;
      },
      { once: true },
    );
    return (elements) => {
      if (doc.hidden) return put(elements, 'far');
      for (const el of elements) {
        waiting.add(el);
        observer.observe(el);
      }
    };
  };
