import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { pickTab, tabPostsItem, type TabPosts, type TabPostsMap } from '@/lib/background/tab-posts';
import { siteOfUrl } from '@/lib/sites/lookup';

/**
 * The tab whose posts the panel shows: `?tab=` when given, else the active tab of this window
 * when it has posts, else the tab where posts were seen last (the panel may sit in another window).
 */
export function useTabPosts(): { tabId: number | null; posts: TabPosts | null; all: TabPostsMap } {
  const [map, setMap] = useState<TabPostsMap>({});
  const [active, setActive] = useState<{ id?: number; supported: boolean }>({ supported: false });

  useEffect(() => {
    void tabPostsItem.getValue().then(setMap);
    return tabPostsItem.watch((value) => setMap(value ?? {}));
  }, []);

  useEffect(() => {
    const fixed = Number(new URLSearchParams(location.search).get('tab'));
    if (fixed) {
      setActive({ id: fixed, supported: true });
      return;
    }
    // The host permissions of the supported sites let the panel see those tabs' addresses, only.
    const refresh = () =>
      void browser.tabs
        .query({ active: true, currentWindow: true })
        .then(([tab]) => setActive({ id: tab?.id, supported: !!tab?.url && siteOfUrl(tab.url) !== null }));
    refresh();
    // A tab that goes to another page may go to or from a supported site.
    const onUpdated = (_id: number, change: { url?: string }) => change.url && refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const tabId = pickTab(map, active.id, active.supported);
  return { tabId, posts: tabId == null ? null : (map[tabId] ?? null), all: map };
}
