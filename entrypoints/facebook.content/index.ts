import { startContentScript } from '@/lib/content/start';
import { facebookAdapter } from '@/lib/sites/facebook';
import { writeFacebookReply } from '@/lib/sites/facebook/composer';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(facebookAdapter, writeFacebookReply, ctx.signal);
  },
});
