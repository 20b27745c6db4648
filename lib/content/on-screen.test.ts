import { describe, expect, it } from 'vitest';
import { onScreenFirst, type Place } from './on-screen';
import type { Job } from './pieces';

/** A window whose one IntersectionObserver the test answers by hand. */
function fakeWindow() {
  const observed = new Set<Element>();
  let answer: ((entries: IntersectionObserverEntry[]) => void) | null = null;
  class FakeObserver {
    constructor(callback: (entries: IntersectionObserverEntry[]) => void) {
      answer = callback;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const win = {
    document,
    performance,
    innerHeight: 1000,
    IntersectionObserver: FakeObserver,
  } as unknown as Window & typeof globalThis;
  // Where each row was when the observer looked: on screen, a screen and a half below it, or ten.
  const TOP: Record<Place, number> = { visible: 0, near: 1500, far: 10_000 };
  const tell = (elements: Element[], where: (i: number) => Place) =>
    answer!(
      elements.map(
        (target, i) =>
          ({
            target,
            isIntersecting: where(i) === 'visible',
            boundingClientRect: { top: TOP[where(i)], bottom: TOP[where(i)] + 100 },
          }) as unknown as IntersectionObserverEntry,
      ),
    );
  return { win, observed, tell };
}

/** The sort under test on a fake window: what it placed, in which lane, and the jobs it asked to run. */
function sorting() {
  const { win, observed, tell } = fakeWindow();
  const placed: { place: Place; elements: Element[] }[] = [];
  const jobs: Job[] = [];
  const sort = onScreenFirst(win, new AbortController().signal)(
    (elements, place) => placed.push({ place, elements }),
    (job) => jobs.push(job),
  );
  const all = () => placed.flatMap((p) => p.elements);
  return { observed, tell, placed, all, jobs, sort };
}

describe('onScreenFirst', () => {
  it('keeps the observer callback to storing entries, and sorts them in pieces', () => {
    const { observed, tell, placed, all, jobs, sort } = sorting();
    const rows = Array.from({ length: 10_000 }, () => document.createElement('div'));
    sort(rows);
    expect(observed.size).toBe(10_000);
    // 10,000 rows at once come back in one callback: nothing is placed inside it.
    tell(rows, (i) => (i < 25 ? 'visible' : i < 40 ? 'near' : 'far'));
    expect(placed).toEqual([]);
    expect(jobs).toHaveLength(1);

    // A piece that allows 1,000 units: the job stops there and says it is not done.
    let units = 0;
    const upTo = (n: number) => () => ++units % n === 0;
    expect(jobs[0]!(upTo(1000))).toBe(false);
    expect(placed.map((p) => [p.place, p.elements.length])).toEqual([
      ['visible', 25],
      ['near', 15],
      ['far', 960],
    ]);
    while (!jobs[0]!(upTo(1000)));
    expect(all()).toHaveLength(10_000);
    expect(observed.size).toBe(0);
  });

  it('does one unit even when the piece is over at once (input waiting), so work still moves', () => {
    const { tell, all, jobs, sort } = sorting();
    const rows = Array.from({ length: 3 }, () => document.createElement('div'));
    sort(rows);
    tell(rows, () => 'visible');
    expect(jobs[0]!(() => true)).toBe(false);
    expect(all()).toEqual([rows[0]]);
    expect(jobs[0]!(() => true)).toBe(false);
    expect(jobs[0]!(() => true)).toBe(true);
    expect(all()).toEqual(rows);
  });

  it('starts one job for answers that come while one is running, and another after it is done', () => {
    const { tell, all, jobs, sort } = sorting();
    const first = [document.createElement('div'), document.createElement('div')];
    const second = [document.createElement('div')];
    sort([...first, ...second]);
    tell(first, () => 'visible');
    tell(second, () => 'far');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!(() => false)).toBe(true);
    expect(all()).toEqual([...first, ...second]);
    const third = [document.createElement('div')];
    sort(third);
    tell(third, () => 'visible');
    expect(jobs).toHaveLength(2);
  });
});
