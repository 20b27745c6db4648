import type { Job } from './pieces';
import { selectAll } from '../dom-list';

export interface ObserveOptions {
  root: ParentNode & Node;
  /** Elements worth handling. */
  selector: string;
  /** What an element shows now; '' while it shows nothing yet (it is looked at again later). */
  keyOf: (el: Element) => string;
  /**
   * Called with the elements that are new, or that a recycled row now fills with something else,
   * at most BATCH_MAX at a time.
   */
  onBatch: (elements: Element[]) => void;
  signal: AbortSignal;
  /** Runs the job that looks at what changed, in pieces (see content/pieces.ts). */
  run: (job: Job) => void;
  /** Told how long the observer's own callback took (it runs inside the page's task). */
  measure?: (ms: number) => void;
  /** The clock and the timer of the look-again rule (RECHECK_MS); tests pass their own. */
  clock?: { now: () => number; later: (run: () => void, ms: number) => void };
}

export interface Observation {
  /**
   * Runs `change` (drawing badges) unobserved: what the page changed before is noted first, then
   * the observer steps aside while `change` runs, so its mutations are never even recorded.
   * Cheaper than being told of each of them and telling it apart.
   */
  quietly: (change: () => void) => void;
}

/** Elements handed over at once: a page that adds 10,000 posts is read a few hundred at a time. */
const BATCH_MAX = 200;

/**
 * An element showing a post is looked at no more than once in this time: a live counter inside a
 * post may change thousands of times a second. A change in between is looked at when the time is
 * up, so none is missed.
 */
export const RECHECK_MS = 200;

/** Records and added nodes looked at in one unit of work. */
const UNIT_NODES = 32;

/**
 * One MutationObserver for a page. Its callback runs at the end of the page's own task, so it
 * only keeps the records; a job, run in pieces of its own, gathers the nodes they touch and hands
 * over the matching elements whose key changed since they were last handled.
 */
export function observeElements(options: ObserveOptions): Observation {
  const { root, selector, keyOf, onBatch, signal } = options;
  if (signal.aborted) return { quietly: (change) => change() };
  const clock = options.clock ?? {
    now: () => performance.now(),
    later: (run: () => void, ms: number) => void setTimeout(run, ms),
  };

  const handled = new WeakMap<Element, string>();
  // Markup nobody foresaw must never throw into the page: such an element is left alone.
  const keyOfSafely = (el: Element): string => {
    try {
      return keyOf(el);
    } catch {
      return '';
    }
  };

  // Records waiting to be looked at, and where the job stopped in them.
  let noted: MutationRecord[][] = [];
  let list = 0;
  let item = 0;
  // A record's added nodes, read by index where they are (no copy for each of thousands of records).
  let added: NodeList | null = null;
  let at = 0;
  let lastTarget: Node | null = null;
  let pending = new Set<Element>();
  // The elements being keyed, and those found ready so far.
  let keying: Iterator<Element> | null = null;
  let ready: Element[] = [];
  let running = false;
  // When each element showing a post was last looked at, and those waiting to be looked at again.
  const lookedAt = new WeakMap<Element, number>();
  const heldBack = new Set<Element>();
  let waking = false;

  const holdBack = (el: Element, ms: number): void => {
    heldBack.add(el);
    if (waking) return;
    waking = true;
    clock.later(() => {
      waking = false;
      if (signal.aborted) return;
      for (const held of heldBack) pending.add(held);
      heldBack.clear();
      request();
    }, ms);
  };

  /** The element a change inside belongs to (a row refilled in place, text changed). */
  const collectClosest = (node: Node): void => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const closest = el?.closest(selector);
    if (closest) pending.add(closest);
  };

  /**
   * Added nodes share their parent (looked up once per record): if it is inside a watched
   * element, that one changed. Watched elements may nest (comments inside a post), so each added
   * node is searched as well.
   */
  const collectAdded = (node: Node): void => {
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.matches(selector)) pending.add(el);
    // Read by index: no array for each of a feed's rows.
    const found = el.querySelectorAll(selector);
    for (let i = 0; i < found.length; i++) pending.add(found[i]!);
  };

  const handOver = (): void => {
    if (!ready.length) return;
    const batch = ready;
    ready = [];
    onBatch(batch);
  };

  /**
   * Up to UNIT_NODES records and added nodes: a live counter makes thousands of records a second,
   * each one cheap, and a flood of rows in one record is still taken a few rows at a time.
   */
  const lookAtRecords = (): void => {
    let left = UNIT_NODES;
    while (left > 0) {
      const records = noted[list];
      if (!records) return;
      if (added) {
        while (at < added.length && left-- > 0) collectAdded(added[at++]!);
        if (at < added.length) return;
        added = null;
        item += 1;
        continue;
      }
      const record = records[item];
      if (!record) {
        list += 1;
        item = 0;
        continue;
      }
      left -= 1;
      if (record.target !== lastTarget) collectClosest(record.target);
      lastTarget = record.target;
      const nodes = record.type === 'childList' ? record.addedNodes : null;
      if (nodes?.length) {
        added = nodes;
        at = 0;
      } else item += 1;
    }
  };

  /** One unit of looking: some records (lookAtRecords), or one element's key. */
  const step = (): boolean => {
    if (keying) {
      const next = keying.next();
      if (next.done) {
        keying = null;
        handOver();
        return true;
      }
      const el = next.value;
      if (!el.isConnected) return true;
      const now = clock.now();
      const last = lookedAt.get(el);
      if (last !== undefined && now - last < RECHECK_MS) {
        holdBack(el, last + RECHECK_MS - now);
        return true;
      }
      const key = keyOfSafely(el);
      // An element that shows nothing yet is looked at again as soon as it changes.
      if (key) lookedAt.set(el, now);
      if (!key || handled.get(el) === key) return true;
      handled.set(el, key);
      ready.push(el);
      if (ready.length >= BATCH_MAX) handOver();
      return true;
    }
    if (noted[list]) {
      lookAtRecords();
      return true;
    }
    noted = [];
    list = 0;
    lastTarget = null;
    if (!pending.size) return false;
    keying = pending.values();
    pending = new Set();
    return true;
  };

  const job: Job = (spent) => {
    if (signal.aborted) return ((running = false), true);
    do {
      if (!step()) {
        running = false;
        return true;
      }
    } while (!spent());
    return false;
  };

  const request = (): void => {
    if (running) return;
    running = true;
    options.run(job);
  };

  const note = (records: MutationRecord[]): void => {
    const start = performance.now();
    noted.push(records);
    request();
    options.measure?.(performance.now() - start);
  };
  const observer = new MutationObserver(note);
  const watch = () =>
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href'],
    });
  watch();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      noted = [];
      pending.clear();
      heldBack.clear();
    },
    { once: true },
  );

  // What the page holds already is looked at in the first pieces, like any change.
  const found = selectAll(root, selector);
  for (const el of found) pending.add(el);
  request();

  return {
    quietly(change) {
      if (signal.aborted) return change();
      const before = observer.takeRecords();
      if (before.length) note(before);
      observer.disconnect();
      try {
        change();
      } finally {
        if (!signal.aborted) watch();
      }
    },
  };
}
