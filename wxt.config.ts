import { defineConfig } from 'wxt';

// Host permissions are exactly the supported sites: the hosts of the adapters in lib/sites.
const SITE_MATCHES = [
  'https://x.com/*',
  'https://mobile.x.com/*',
  'https://twitter.com/*',
  'https://mobile.twitter.com/*',
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://m.facebook.com/*',
];

/**
 * `npm run bench` builds with CONCIERGE_BENCH=1: the bench page (entrypoints/bench) joins the
 * build, in its own folder. Every other build lists the entrypoints users get, and only those.
 */
const BENCH = process.env.CONCIERGE_BENCH === '1';
const SHIPPED = ['background', 'x', 'facebook', 'sidepanel', 'options'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  ...(BENCH ? { outDir: '.output/bench' } : { filterEntrypoints: SHIPPED }),
  // The service worker's benchmark hooks are compiled in only then; elsewhere the branch is dead code.
  vite: () => ({ define: { 'import.meta.env.CONCIERGE_BENCH': JSON.stringify(BENCH) } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has a sidebar (made by WXT from the side panel entrypoint) instead of the sidePanel API.
    // scripting: the content scripts are put into tabs already open when Concierge is installed.
    permissions:
      browser === 'firefox'
        ? ['storage', 'unlimitedStorage', 'scripting']
        : ['storage', 'sidePanel', 'unlimitedStorage', 'scripting'],
    host_permissions: SITE_MATCHES,
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
