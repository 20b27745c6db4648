import { startContentScript } from '@/lib/content/start';
import { facebookAdapter } from '@/lib/sites/facebook';

export default defineContentScript({
  // matches: the site's hosts, from lib/sites/registry.ts (wxt.config.ts).
  runAt: 'document_idle',
  main: (ctx) => startContentScript(facebookAdapter, ctx.signal),
});
