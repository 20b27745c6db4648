import { useMemo } from 'react';
import type { TabPostsMap } from '@/lib/background/tab-posts';
import { classify, corrected, type Reading } from '@/lib/reading/classify';
import { inQueue, priorityOf, type Priority } from '@/lib/queue/priority';
import { brandAccounts, isBrandAuthor } from '@/lib/brand';
import type { Settings } from '@/lib/settings';
import { usePanelPosts, type PanelPost } from './usePanelData';

export interface QueueRow extends PanelPost {
  tabId: number;
  reading: Reading;
  priority: Priority;
}

/**
 * The customer posts of every open tab of the supported sites, most urgent first; a post shown in
 * two tabs is answered in the one that saw it last. Live: it re-sorts as posts arrive, customers
 * change and the agent dismisses, snoozes or answers.
 */
export function useQueue(map: TabPostsMap, settings: Settings, now: number): QueueRow[] | undefined {
  const { tabOf, customerOf } = useMemo(() => {
    const tabs = new Map<string, { tabId: number; at: number }>();
    const customers: Record<string, string> = {};
    for (const [tabId, tab] of Object.entries(map)) {
      for (const key of tab.keys) {
        const seen = tabs.get(key);
        if (!seen || tab.updatedAt > seen.at) tabs.set(key, { tabId: Number(tabId), at: tab.updatedAt });
      }
      Object.assign(customers, tab.customers);
    }
    return { tabOf: tabs, customerOf: customers };
  }, [map]);
  const posts = usePanelPosts([...tabOf.keys()], customerOf);
  return useMemo(() => {
    if (!posts) return undefined;
    // The brand's own posts and replies, and ads, are not customers waiting.
    const brand = brandAccounts(settings.brandHandles);
    return posts
      .filter(
        (p) =>
          inQueue(p.interaction, now) &&
          !p.interaction.promoted &&
          !isBrandAuthor(p.interaction.author, brand),
      )
      .map((p) => {
        const reading = corrected(classify(p.interaction.text, p.interaction.lang), p.interaction.correction);
        return {
          ...p,
          tabId: tabOf.get(p.interaction.key)!.tabId,
          reading,
          priority: priorityOf(p.interaction, p.customer, reading, settings, now),
        };
      })
      .sort((a, b) => b.priority.score - a.priority.score);
  }, [posts, tabOf, settings, now]);
}
