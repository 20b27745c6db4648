import type { Lane } from './pieces';

type Place = (elements: Element[], lane: Lane) => void;

/** Given where to put elements, a function that sorts them into lanes, now or once it knows. */
export type ScreenSort = (place: Place) => (elements: Element[]) => void;

/** Everything is on screen: for pages with no layout (tests) and as the content script's default. */
export const allOnScreen: ScreenSort = (place) => (elements) => place(elements, 'visible');

/**
 * Posts on screen, or half a screen from it, go first; the rest wait for idle time. One
 * IntersectionObserver tells them apart without forcing a layout of a page that is busy
 * building its rows; each element is looked at once and let go. A hidden tab renders nothing,
 * so an observer would never answer: its posts are read in idle time straight away.
 */
export const onScreenFirst =
  (win: Window & typeof globalThis, signal: AbortSignal, measure?: (ms: number) => void): ScreenSort =>
  (place) => {
    const doc = win.document;
    const waiting = new Set<Element>();
    const observer = new win.IntersectionObserver(
      (entries) => {
        const start = win.performance.now();
        const visible: Element[] = [];
        const idle: Element[] = [];
        for (const entry of entries) {
          if (!waiting.delete(entry.target)) continue;
          observer.unobserve(entry.target);
          (entry.isIntersecting ? visible : idle).push(entry.target);
        }
        if (visible.length) place(visible, 'visible');
        if (idle.length) place(idle, 'idle');
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
