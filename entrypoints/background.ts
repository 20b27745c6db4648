import {
  handleCustomersChanged,
  handleNameCandidates,
  handlePostsSeen,
  handleSelectPost,
  relabelTabs,
  type HandlerDeps,
} from '@/lib/background/handlers';
import { handleClaimPost, handleReleasePost, handleTeamChanged, startTeam } from '@/lib/background/team';
import { injectIntoOpenTabs } from '@/lib/background/open-tabs';
import { tabPostsStore } from '@/lib/background/tab-posts';
import { db } from '@/lib/db/schema';
import { settingsReader } from '@/lib/settings';
import { onMessage, sendMessage } from '@/lib/messaging';
import { exposeWorkerBench } from './bench/worker';

export default defineBackground(() => {
  const deps: HandlerDeps = {
    tabs: tabPostsStore(),
    settings: settingsReader(),
    sendLabels: (tabId, labels) => sendMessage('labels', { labels }, tabId),
    database: db(),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  };

  // Registered synchronously, so messages that wake the worker are answered, not dropped.
  onMessage('postsSeen', ({ data, sender }) => handlePostsSeen(deps, data, sender));
  onMessage('selectPost', ({ data, sender }) => handleSelectPost(deps, data, sender));
  onMessage('nameCandidates', ({ data, sender }) => handleNameCandidates(deps, data, sender));
  onMessage('customersChanged', ({ data, sender }) => handleCustomersChanged(deps, data, sender));
  // A team's sync starts only with a team link; without one it sends nothing.
  const team = startTeam(deps, () => relabelTabs(deps));
  deps.team = team;
  onMessage('teamChanged', ({ data, sender }) => handleTeamChanged(deps, team, data, sender));
  onMessage('claimPost', ({ data, sender }) => handleClaimPost(deps, team, data, sender));
  onMessage('releasePost', ({ data, sender }) => handleReleasePost(deps, team, data, sender));

  browser.tabs.onRemoved.addListener((tabId) => void deps.tabs.forget(tabId));
  browser.runtime.onInstalled.addListener(() => {
    void injectIntoOpenTabs({
      manifest: () => browser.runtime.getManifest(),
      query: (urls) => browser.tabs.query({ url: urls }),
      // The paths come from our own manifest's content_scripts: the built scripts themselves.
      inject: (tabId, files) =>
        browser.scripting.executeScript({ target: { tabId }, files: files as ScriptPublicPath[] }),
    });
  });
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => undefined);
  void navigator.storage?.persist?.();
  if (import.meta.env.CONCIERGE_BENCH) exposeWorkerBench(deps.database);
});
