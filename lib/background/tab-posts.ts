import { storage } from 'wxt/utils/storage';

/** What the side panel shows for a tab: the posts seen there, newest first, and the selection. */
export interface TabPosts {
  keys: string[];
  /** Post key → the customer the worker matched its author to (absent: not a customer). */
  customers?: Record<string, string>;
  selected?: string;
  url: string;
  updatedAt: number;
}

export type TabPostsMap = Record<string, TabPosts>;

const MAX_KEYS = 300;

/**
 * Kept in session storage: it outlives the service worker, but not the browser session, so tab
 * ids (which the browser reuses after a restart) never point at old posts.
 */
export const tabPostsItem = storage.defineItem<TabPostsMap>('session:tabPosts', { fallback: {} });

/**
 * The tabs' posts as the worker keeps them. The worker alone writes them: it keeps its own copy,
 * read once from session storage when it starts. A change is written at once; those made while a
 * write is on its way go together in the next one: a flood of batches makes no reads, and fewer
 * writes than batches.
 */
export interface TabPostsStore {
  /** Posts a tab showed, with whom their authors are (post key → customer id, or null). */
  add(tabId: number, url: string, matched: ReadonlyMap<string, string | null>, now?: number): Promise<void>;
  /** Every tab's posts with their authors matched anew: after customers changed. */
  rematch(matched: ReadonlyMap<string, string | null>): Promise<void>;
  /** The tabs and the posts each shows now. */
  showing(): Promise<{ tabId: number; keys: string[] }[]>;
  select(tabId: number, key: string): Promise<void>;
  forget(tabId: number): Promise<void>;
  /** Resolves once every change made so far is in session storage. */
  written(): Promise<void>;
}

export function tabPostsStore(
  item: Pick<typeof tabPostsItem, 'getValue' | 'setValue'> = tabPostsItem,
): TabPostsStore {
  let held: TabPostsMap | undefined;
  // Changes are made one at a time, in the order asked: messages from several tabs interleave.
  let queue: Promise<unknown> = Promise.resolve();
  let writing: Promise<void> | undefined;
  let nextWrite: Promise<void> | undefined;

  const copy = async () => (held ??= { ...(await item.getValue()) });
  const inOrder = <T>(step: (map: TabPostsMap) => T): Promise<T> => {
    const next = queue.then(async () => step(await copy()));
    queue = next.catch(() => undefined);
    return next;
  };
  const write = (): Promise<void> => {
    const started: Promise<void> = item.setValue({ ...held }).finally(() => {
      if (writing === started) writing = undefined;
    });
    return (writing = started);
  };
  const written = (): Promise<void> =>
    queue.then(() => {
      if (!writing) return write();
      // One write carries every change made while the one before it was on its way.
      nextWrite ??= writing
        .catch(() => undefined)
        .then(() => {
          nextWrite = undefined;
          return write();
        });
      return nextWrite;
    });
  /** Changed in the worker's copy at once; resolves once it is written, with its neighbours. */
  const update = (change: (map: TabPostsMap) => void): Promise<void> => inOrder(change).then(written);

  return {
    add: (tabId, url, matched, now = Date.now()) =>
      update((map) => {
        const current = map[tabId] ?? { keys: [], url, updatedAt: now };
        const known = new Set(current.keys);
        const fresh = [...matched.keys()].filter((k) => !known.has(k));
        const keys = [...fresh.reverse(), ...current.keys].slice(0, MAX_KEYS);
        map[tabId] = {
          ...current,
          keys,
          customers: customersOf(keys, current.customers, matched),
          url,
          updatedAt: now,
        };
      }),
    rematch: (matched) =>
      update((map) => {
        for (const [tabId, tab] of Object.entries(map)) {
          map[tabId] = { ...tab, customers: customersOf(tab.keys, tab.customers, matched) };
        }
      }),
    showing: () =>
      inOrder((map) => Object.entries(map).map(([tabId, tab]) => ({ tabId: Number(tabId), keys: tab.keys }))),
    select: (tabId, key) =>
      update((map) => {
        const current = map[tabId];
        if (current) map[tabId] = { ...current, selected: key, updatedAt: Date.now() };
      }),
    forget: (tabId) =>
      update((map) => {
        delete map[tabId];
      }),
    written,
  };
}

/** Whom each kept post's author is, after a new answer: keys that left the tab are dropped. */
function customersOf(
  keys: readonly string[],
  before: TabPosts['customers'],
  matched: ReadonlyMap<string, string | null>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const id = matched.has(key) ? matched.get(key) : before?.[key];
    if (id) out[key] = id;
  }
  return out;
}

/** The tab a panel should show: the given one if it has posts, else the one most recently busy. */
export function pickTab(map: TabPostsMap, preferred?: number, preferredIsSupported = false): number | null {
  // A supported page with no posts read is still the one to show: it may be one Concierge cannot read.
  if (preferred != null && (map[preferred] || preferredIsSupported)) return preferred;
  const entries = Object.entries(map).sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  return entries[0] ? Number(entries[0][0]) : null;
}
