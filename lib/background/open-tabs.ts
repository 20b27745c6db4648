/**
 * Tabs opened before Concierge was installed or updated have no content script: the browser
 * injects declared scripts only into pages loaded afterwards. On install and update the scripts
 * are put into the open tabs of the supported sites, so that their posts reach the queue without
 * a reload. A script from before an update stands down by itself (WXT invalidates its context).
 */
export interface InjectApi {
  manifest: () => { content_scripts?: { matches?: string[]; js?: string[] }[] };
  query: (urls: string[]) => Promise<{ id?: number; discarded?: boolean }[]>;
  inject: (tabId: number, files: string[]) => Promise<unknown>;
}

/** Returns how many tabs were given a script; a tab that refuses (an error page, say) is skipped. */
export async function injectIntoOpenTabs(api: InjectApi): Promise<number> {
  let injected = 0;
  for (const script of api.manifest().content_scripts ?? []) {
    if (!script.matches?.length || !script.js?.length) continue;
    for (const tab of await api.query(script.matches)) {
      if (tab.id == null || tab.discarded) continue;
      try {
        await api.inject(tab.id, script.js);
        injected++;
      } catch {
        // Not ours to read (a crashed or privileged page): its next load runs the script anyway.
      }
    }
  }
  return injected;
}
