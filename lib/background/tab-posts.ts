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

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time: messages from several tabs arrive concurrently. */
function update(change: (map: TabPostsMap) => void): Promise<void> {
  const next = queue.then(async () => {
    const map = { ...(await tabPostsItem.getValue()) };
    change(map);
    await tabPostsItem.setValue(map);
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Posts a tab showed, with whom their authors are (post key → customer id, or null). */
export function addTabPosts(
  tabId: number,
  url: string,
  matched: ReadonlyMap<string, string | null>,
  now = Date.now(),
): Promise<void> {
  return update((map) => {
    const current = map[tabId] ?? { keys: [], url, updatedAt: now };
    const fresh = [...matched.keys()].filter((k) => !current.keys.includes(k));
    const keys = [...fresh.reverse(), ...current.keys].slice(0, MAX_KEYS);
    map[tabId] = {
      ...current,
      keys,
      customers: customersOf(keys, current.customers, matched),
      url,
      updatedAt: now,
    };
  });
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

/** Every tab's posts with their authors matched anew: after customers changed. */
export function rematchTabs(matched: ReadonlyMap<string, string | null>): Promise<void> {
  return update((map) => {
    for (const [tabId, tab] of Object.entries(map)) {
      map[tabId] = { ...tab, customers: customersOf(tab.keys, tab.customers, matched) };
    }
  });
}

/** The tabs and the posts each shows now. */
export async function tabsShowing(): Promise<{ tabId: number; keys: string[] }[]> {
  const map = await tabPostsItem.getValue();
  return Object.entries(map).map(([tabId, tab]) => ({ tabId: Number(tabId), keys: tab.keys }));
}

export function selectTabPost(tabId: number, key: string): Promise<void> {
  return update((map) => {
    const current = map[tabId];
    if (current) map[tabId] = { ...current, selected: key, updatedAt: Date.now() };
  });
}

export function forgetTab(tabId: number): Promise<void> {
  return update((map) => {
    delete map[tabId];
  });
}

/** The tab a panel should show: the given one if it has posts, else the one most recently busy. */
export function pickTab(map: TabPostsMap, preferred?: number, preferredIsSupported = false): number | null {
  // A supported page with no posts read is still the one to show: it may be one Concierge cannot read.
  if (preferred != null && (map[preferred] || preferredIsSupported)) return preferred;
  const entries = Object.entries(map).sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  return entries[0] ? Number(entries[0][0]) : null;
}
