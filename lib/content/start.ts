import { browser } from 'wxt/browser';
import { InsertReplySchema, onMessage, parsePayload, sendMessage, fromExtensionPage } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { badgeLabels } from './labels';
import { runContent, type ContentDeps } from './run';

/** Wires a site's adapter and reply writer to the extension; the entrypoints call only this. */
export function startContentScript(adapter: SiteAdapter, writeReply: ContentDeps['writeReply'], signal: AbortSignal): void {
  const app = runContent({
    adapter,
    doc: document,
    pageUrl: () => location.href,
    signal,
    labels: badgeLabels(),
    postsSeen: (data) => sendMessage('postsSeen', data),
    selectPost: (key) => sendMessage('selectPost', { key }),
    writeReply,
  });

  const origin = browser.runtime.getURL('/');
  const trusted = (sender: { id?: string; url?: string }) => fromExtensionPage(sender, browser.runtime.id, origin);
  const removers = [
    onMessage('insertReply', async ({ data, sender }) => {
      if (!trusted(sender)) return { ok: false, reason: 'invalid' } as const;
      const { postId, text } = parsePayload(InsertReplySchema, data);
      return app.insertReply(postId, text);
    }),
    onMessage('rematch', async ({ sender }) => {
      if (trusted(sender)) await app.rematch();
    }),
    onMessage('pageStats', ({ sender }) => {
      if (!trusted(sender)) throw new Error('not allowed');
      return app.stats();
    }),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
