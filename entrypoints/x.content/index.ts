import { startContentScript } from '@/lib/content/start';
import { xAdapter } from '@/lib/sites/x';
import { writeXReply } from '@/lib/sites/x/composer';

export default defineContentScript({
  matches: [
    'https://x.com/*',
    'https://mobile.x.com/*',
    'https://twitter.com/*',
    'https://mobile.twitter.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(xAdapter, writeXReply, ctx.signal);
  },
});
