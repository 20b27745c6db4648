import type { Job, Lane } from './pieces';

type Place = (elements: Element[], lane: Lane) => void;

/**
 * Given where to put elements, and how to run a job in pieces, a function that sorts elements
 * into lanes, now or once it knows.
 */
export type ScreenSort = (place: Place, run: (job: Job) => void) => (elements: Element[]) => void;

/** Everything is on screen: for pages with no layout (tests) and as the content script's default. */
export const allOnScreen: ScreenSort = (place) => (elements) => place(elements, 'visible');

/**
 * Posts on screen, or half a screen from it, go first; the rest wait for idle time. One
 * IntersectionObserver tells them apart without forcing a layout of a page that is busy
 * building its rows; each element is looked at once and let go. Its callback runs inside the
 * page's frame and only keeps the entries: 10,000 rows added at once come as one callback, and
 * sorting them is a job, cut into pieces like the rest. A hidden tab renders nothing, so an
 * observer would never answer: its posts are read in idle time straight away.
 */
export const onScreenFirst =
  (win: Window & typeof globalThis, signal: AbortSignal, measure?: (ms: number) => void): ScreenSort =>
  (place, run) => {
    const doc = win.document;
    const waiting = new Set<Element>();
    const answers: IntersectionObserverEntry[][] = [];
    let at = 0;
    const sort: Job = (spent) => {
      const visible: Element[] = [];
      const idle: Element[] = [];
      while (answers.length) {
        const entries = answers[0]!;
        const entry = entries[at++]!;
        if (at >= entries.length) {
          answers.shift();
          at = 0;
        }
        if (waiting.delete(entry.target)) {
          observer.unobserve(entry.target);
          (entry.isIntersecting ? visible : idle).push(entry.target);
        }
        if (spent()) break;
      }
      if (visible.length) place(visible, 'visible');
      if (idle.length) place(idle, 'idle');
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
      place(left, 'idle');
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
      if (doc.hidden) return place(elements, 'idle');
      for (const el of elements) {
        waiting.add(el);
        observer.observe(el);
      }
    };
  };
