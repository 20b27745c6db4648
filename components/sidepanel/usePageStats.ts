import { useEffect, useState } from 'react';
import { sendMessage, type PageStats } from '@/lib/messaging';

/** Asks the page's content script for its counts now and then; null while it does not answer. */
export function usePageStats(tabId: number | null): PageStats | null {
  const [stats, setStats] = useState<PageStats | null>(null);
  useEffect(() => {
    if (tabId == null) return;
    let alive = true;
    const ask = () =>
      sendMessage('pageStats', undefined, tabId).then(
        (s) => alive && setStats(s ?? null),
        () => alive && setStats(null),
      );
    void ask();
    const timer = setInterval(ask, 3000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [tabId]);
  return stats;
}
