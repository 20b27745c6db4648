export interface ObserveOptions {
  root: ParentNode & Node;
  /** Elements worth handling. */
  selector: string;
  /** What an element shows now; '' while it shows nothing yet (it is looked at again later). */
  keyOf: (el: Element) => string;
  /** Called with the elements that are new, or that a recycled row now fills with something else. */
  onBatch: (elements: Element[]) => void;
  signal: AbortSignal;
  /** Defers a flush to the end of the batch of mutations; setTimeout(0) by default. */
  schedule?: (flush: () => void) => void;
}

/**
 * One MutationObserver for a page: it gathers the nodes each mutation touches, and once per batch
 * hands over the matching elements whose key changed since they were last handled.
 */
export function observeElements(options: ObserveOptions): void {
  const { root, selector, keyOf, onBatch, signal } = options;
  const schedule = options.schedule ?? ((flush) => setTimeout(flush, 0));
  if (signal.aborted) return;

  const handled = new WeakMap<Element, string>();
  let pending = new Set<Element>();
  let scheduled = false;

  const collect = (node: Node): void => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return;
    const closest = el.closest(selector);
    if (closest) pending.add(closest);
    if (node.nodeType === 1) el.querySelectorAll(selector).forEach((found) => pending.add(found));
  };

  const flush = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    const batch = pending;
    pending = new Set();
    const ready: Element[] = [];
    for (const el of batch) {
      if (!el.isConnected) continue;
      const key = keyOf(el);
      if (!key || handled.get(el) === key) continue;
      handled.set(el, key);
      ready.push(el);
    }
    if (ready.length) onBatch(ready);
  };

  const request = (): void => {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach(collect);
        // A row emptied and refilled in place shows up as changes inside the element.
        if (record.addedNodes.length || record.removedNodes.length) collect(record.target);
      } else {
        collect(record.target);
      }
    }
    if (pending.size) request();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    pending.clear();
  }, { once: true });

  root.querySelectorAll(selector).forEach((el) => pending.add(el));
  request();
}
