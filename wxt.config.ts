import { defineConfig } from 'wxt';
import { isSite, matchesOf } from './lib/sites/lookup';

/**
 * `npm run bench` builds with CONCIERGE_BENCH=1: the bench page (entrypoints/bench) joins the
 * build, in its own folder. Every other build leaves it out before WXT sees it (a filter would
 * warn on every build that it skipped one).
 */
const BENCH = process.env.CONCIERGE_BENCH === '1';

/** Where a team server may be: anywhere over https, or on this machine. */
const TEAM_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  ...(BENCH && { outDir: '.output/bench' }),
  hooks: {
    'entrypoints:resolved': (_wxt, entrypoints) => {
      const bench = entrypoints.findIndex((e) => e.name === 'bench');
      if (!BENCH && bench >= 0) entrypoints.splice(bench, 1);
      // A site's content script (entrypoints/<site id>.content) runs on the site's hosts, given
      // here from the registry, so that the script itself does not carry the registry.
      for (const entry of entrypoints) {
        if (entry.type === 'content-script' && isSite(entry.name))
          entry.options.matches = matchesOf(entry.name);
      }
    },
  },
  // The service worker's benchmark hooks are compiled in only then; elsewhere the branch is dead code.
  vite: () => ({ define: { 'import.meta.env.CONCIERGE_BENCH': JSON.stringify(BENCH) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has a sidebar (made by WXT from the side panel entrypoint) instead of the sidePanel API.
    // scripting: the content scripts are put into tabs already open when Concierge is installed.
    // alarms: a team's sync wakes the worker to catch up when its live channel was lost.
    permissions:
      browser === 'firefox'
        ? ['storage', 'unlimitedStorage', 'scripting', 'alarms']
        : ['storage', 'sidePanel', 'unlimitedStorage', 'scripting', 'alarms'],
    // Host permissions are exactly the supported sites' pages (lib/sites/registry.ts).
    host_permissions: matchesOf(),
    // A team server's origin, asked for only when the agent joins it, and only that one origin.
    // Manifest version 2 (Firefox) has origins among its optional permissions, and WXT drops the
    // MV3 key there.
    ...(browser === 'firefox'
      ? { optional_permissions: TEAM_ORIGINS }
      : { optional_host_permissions: TEAM_ORIGINS }),
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'concierge@concierge.extension', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});
