import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pickTab, tabPostsItem, type TabPosts, type TabPostsMap } from '@/lib/background/tab-posts';

/**
 * The tab whose posts the panel shows: `?tab=` when given, else the active tab of this window
 * when it has posts, else the tab where posts were seen last (the panel may sit in another window).
 */
export function useTabPosts(): { tabId: number | null; posts: TabPosts | null; all: TabPostsMap } {
  const [map, setMap] = useState<TabPostsMap>({});
  const [active, setActive] = useState<number | undefined>();

  useEffect(() => {
    void tabPostsItem.getValue().then(setMap);
    return tabPostsItem.watch((value) => setMap(value ?? {}));
  }, []);

  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tab'));
    if (fixed) {
      setActive(fixed);
      return;
    }
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setActive(tab?.id));
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    return () => browser.tabs.onActivated.removeListener(refresh);
  }, []);

  const tabId = pickTab(map, active);
  return { tabId, posts: tabId == null ? null : (map[tabId] ?? null), all: map };
}
