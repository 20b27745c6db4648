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

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has a sidebar (made by WXT from the side panel entrypoint) instead of the sidePanel API.
    permissions: browser === 'firefox' ? ['storage', 'unlimitedStorage'] : ['storage', 'sidePanel', 'unlimitedStorage'],
    host_permissions: SITE_MATCHES,
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox' && { browser_specific_settings: { gecko: { id: 'concierge@concierge.extension', data_collection_permissions: { required: ['none'] } } } }),
  }),
});
