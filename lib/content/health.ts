/**
 * Can Concierge still read this page? A site that changes its markup leaves posts on the page
 * that the adapter no longer finds, or finds and cannot read. Both look like "no customers here"
 * unless they are counted: the units that look like posts however the markup changes in detail
 * (the adapter's `unitSelector`), against those read; and the misses against the posts read.
 */

export interface PageHealth {
  /** Post-like units on the page now (at most MAX_UNITS counted). */
  units: number;
  /** Of those, the ones a read post came from. */
  read: number;
  /** The page looks like one Concierge cannot read. */
  unreadable: boolean;
}

/** Enough units to judge by; fewer may be a page with no posts yet. */
const MIN_UNITS = 3;
/** Read fewer than this share of the units on the page, and it is not being read. */
const MIN_READ_SHARE = 0.2;
/** Or misses: at least this many, and more than this share of everything found. */
const MIN_MISSES = 5;
const MAX_MISS_SHARE = 0.5;
/** A long page is judged by its first units: the count is made on every ask of the panel. */
export const MAX_UNITS = 300;

export function judge(units: number, read: number, postsSeen: number, misses: number): boolean {
  const unfound = units >= MIN_UNITS && read < units * MIN_READ_SHARE;
  const unreadable = misses >= MIN_MISSES && misses > (postsSeen + misses) * MAX_MISS_SHARE;
  return unfound || unreadable;
}

/**
 * The post-like units of the page, in document order, at most MAX_UNITS. Nested ones count too:
 * a Facebook post holds its comments, each a unit of its own.
 */
export function unitsOf(doc: ParentNode, unitSelector: string): Element[] {
  return [...doc.querySelectorAll(unitSelector)].slice(0, MAX_UNITS);
}

/** Whether a unit holds (or is held by) an element a post was read from. */
export function isRead(unit: Element, readFrom: readonly Element[]): boolean {
  return readFrom.some((el) => unit.contains(el) || el.contains(unit));
}

export function pageHealth(
  doc: ParentNode,
  unitSelector: string,
  readFrom: readonly Element[],
  postsSeen: number,
  misses: number,
): PageHealth {
  const units = unitsOf(doc, unitSelector);
  const read = units.filter((u) => isRead(u, readFrom)).length;
  return { units: units.length, read, unreadable: judge(units.length, read, postsSeen, misses) };
}
