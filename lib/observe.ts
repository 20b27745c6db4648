import { listed, selectAll } from './dom-list';

export interface ObserveOptions {
  root: ParentNode & Node;
  /** Elements worth handling. */
  selector: string;
  /** What an element shows now; '' while it shows nothing yet (it is looked at again later). */
  keyOf: (el: Element) => string;
  /** Called with the elements that are new, or that a recycled row now fills with something else. */
  onBatch: (elements: Element[]) => void;
  signal: AbortSignal;
  /** Told how long each piece of work took on the main thread (noting changes, handling elements). */
  measure?: (ms: number) => void;
  /** Defers a flush to the end of the batch of mutations; setTimeout(0) by default. */
  schedule?: (flush: () => void) => void;
}

export interface Observation {
  /**
   * Runs `change` (drawing badges) unobserved: what the page changed before is noted first, then
   * the observer steps aside while `change` runs, so its mutations are never even recorded.
   * Cheaper than being told of each of them and telling it apart.
   */
  quietly: (change: () => void) => void;
}

/**
 * One MutationObserver for a page: it gathers the nodes each mutation touches, and once per batch
 * hands over the matching elements whose key changed since they were last handled.
 */
export function observeElements(options: ObserveOptions): Observation {
  const { root, selector, keyOf, onBatch, signal } = options;
  const schedule = options.schedule ?? ((flush) => setTimeout(flush, 0));
  if (signal.aborted) return { quietly: (change) => change() };

  const handled = new WeakMap<Element, string>();
  // Markup nobody foresaw must never throw into the page: such an element is left alone.
  const keyOfSafely = (el: Element): string => {
    try {
      return keyOf(el);
    } catch {
      return '';
    }
  };
  let pending = new Set<Element>();
  let scheduled = false;

  /** The element a change inside belongs to (a row refilled in place, text changed). */
  const collectClosest = (node: Node): void => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const closest = el?.closest(selector);
    if (closest) pending.add(closest);
  };

  /**
   * Added nodes share their parent (collected by the caller): if it is inside a watched element,
   * that one changed. Watched elements may nest (comments inside a post), so the added nodes are
   * searched as well.
   */
  const collectAddedNodes = (added: NodeList): void => {
    for (const node of listed(added)) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.matches(selector)) pending.add(el);
      for (const found of selectAll(el, selector)) pending.add(found);
    }
  };
  const flush = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    const batch = pending;
    pending = new Set();
    const ready: Element[] = [];
    for (const el of batch) {
      if (!el.isConnected) continue;
      const key = keyOfSafely(el);
      if (!key || handled.get(el) === key) continue;
      handled.set(el, key);
      ready.push(el);
    }
    if (ready.length) onBatch(ready);
    options.measure?.(performance.now() - start);
  };

  const request = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };

  const note = (records: MutationRecord[]): void => {
    const start = performance.now();
    // Rows come and go together under one parent: where it belongs is looked up once.
    let lastTarget: Node | null = null;
    for (const record of records) {
      if (record.target !== lastTarget) collectClosest(record.target);
      lastTarget = record.target;
      if (record.type === 'childList') collectAddedNodes(record.addedNodes);
    }
    if (pending.size) request();
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
      pending.clear();
    },
    { once: true },
  );

  for (const el of selectAll(root, selector)) pending.add(el);
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
