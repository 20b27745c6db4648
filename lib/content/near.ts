import type { ChromeScheduler } from './pieces';

/**
 * The badges of posts read while far from the screen wait until their post comes near it. Every
 * piece that changes the page makes its next frame lay the whole document out again, whatever the
 * change's size: 10,000 rows added at once, badged as they were read, made the page's clicks wait
 * 8 ms longer for a frame (bench/summary.md). Held until near, they cost no frame at all.
 */
export interface NearWatch {
  /** Keeps `el` until it comes within two screens of the viewport; then it goes to `onNear`. */
  hold: (el: Element) => void;
  /** The page changed: where the held rows are is looked at again after the next frame. */
  recheck: () => void;
}

/** Given where rows that came near go, a watch. */
export type NearSort = (onNear: (elements: Element[]) => void) => NearWatch;

/** Everything is near: for pages with no layout (tests) and as the content script's default. */
export const allNear: NearSort = (onNear) => ({ hold: (el) => onNear([el]), recheck: () => undefined });

/** Screens above and below the viewport that count as near: a badge is drawn before it shows. */
const MARGIN_SCREENS = 2;

/** Where near begins and ends, against the top of a viewport `screen` pixels tall. */
export function nearBand(screen: number): { top: number; bottom: number } {
  return { top: -screen * MARGIN_SCREENS, bottom: screen * (1 + MARGIN_SCREENS) };
}

// Node.compareDocumentPosition's bit for "the other node comes after this one".
const FOLLOWING = 4;

/** The first index from `from` whose element `past` says true of; `past` is false, then true. */
function firstPast(rows: readonly Element[], past: (el: Element) => boolean, from = 0): number {
  let lo = from;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (past(rows[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Held rows are kept in document order, which on a feed or a thread is their order down the
 * page, so a look reads the positions of a few dozen rows however many are held: two binary
 * searches for where the near band begins and ends. A look comes after scrolling, a resize or a
 * change to the page, at most once a frame, in a task of the highest priority right after it:
 * the frame has just laid the page out, so reading positions costs no layout. Read during the
 * frame's animation callbacks they would lay out the page's own changes early; read behind our
 * other pieces, our badges' changes.
 */
export const nearScreen =
  (win: Window & typeof globalThis, signal: AbortSignal, measure?: (ms: number) => void): NearSort =>
  (onNear) => {
    let held: Element[] = [];
    const holding = new Set<Element>();
    let looking = false;

    const look = (): void => {
      looking = false;
      // Rows that left the page are not drawn into; a recycled row is held anew when re-read.
      if (held.some((el) => !el.isConnected)) {
        held = held.filter((el) => el.isConnected || !holding.delete(el));
      }
      if (!held.length) return;
      const { top, bottom } = nearBand(win.innerHeight);
      const first = firstPast(held, (el) => el.getBoundingClientRect().bottom >= top);
      const end = firstPast(held, (el) => el.getBoundingClientRect().top > bottom, first);
      if (end > first) {
        const near = held.splice(first, end - first);
        for (const el of near) holding.delete(el);
        onNear(near);
      }
    };

    const recheck = (): void => {
      if (looking || !held.length || signal.aborted) return;
      looking = true;
      const timed = () => {
        const start = win.performance.now();
        look();
        measure?.(win.performance.now() - start);
      };
      // A hidden tab has no frames: the look waits until it is shown again.
      win.requestAnimationFrame(() => {
        const scheduler = (win as { scheduler?: ChromeScheduler }).scheduler;
        if (scheduler?.postTask)
          scheduler.postTask(timed, { priority: 'user-blocking' }).catch(() => undefined);
        else win.setTimeout(timed, 0);
      });
    };

    const hold = (el: Element): void => {
      if (holding.has(el) || signal.aborted) return;
      holding.add(el);
      // Rows are answered in the order they were found: a row almost always goes last.
      let at = held.length;
      if (at && !(held[at - 1]!.compareDocumentPosition(el) & FOLLOWING))
        at = firstPast(held, (row) => !(row.compareDocumentPosition(el) & FOLLOWING));
      held.splice(at, 0, el);
      recheck();
    };

    const options = { capture: true, passive: true, signal };
    // Captured at the window: inner scrolling boxes (a thread in a dialog) tell it too.
    win.addEventListener('scroll', recheck, options);
    win.addEventListener('resize', recheck, options);
    signal.addEventListener(
      'abort',
      () => {
        held = [];
        holding.clear();
      },
      { once: true },
    );
    return { hold, recheck };
  };
