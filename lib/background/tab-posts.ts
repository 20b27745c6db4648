import { storage } from 'wxt/utils/storage';

/** What the side panel shows for a tab: the posts seen there, newest first, and the selection. */
export interface TabPosts {
  keys: string[];
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

export function addTabPosts(
  tabId: number,
  url: string,
  keys: readonly string[],
  now = Date.now(),
): Promise<void> {
  return update((map) => {
    const current = map[tabId] ?? { keys: [], url, updatedAt: now };
    const fresh = [...new Set(keys)].filter((k) => !current.keys.includes(k));
    map[tabId] = {
      ...current,
      keys: [...fresh.reverse(), ...current.keys].slice(0, MAX_KEYS),
      url,
      updatedAt: now,
    };
  });
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
export function pickTab(map: TabPostsMap, preferred?: number): number | null {
  if (preferred != null && map[preferred]) return preferred;
  const entries = Object.entries(map).sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  return entries[0] ? Number(entries[0][0]) : null;
}
