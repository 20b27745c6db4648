import { startContentScript } from '@/lib/content/start';
import { xAdapter } from '@/lib/sites/x';

export default defineContentScript({
  // matches: the site's hosts, from lib/sites/registry.ts (wxt.config.ts).
  runAt: 'document_idle',
  main: (ctx) => startContentScript(xAdapter, ctx.signal),
});
