import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { contentHandlers } from './handlers';
import { badgeLabels } from './labels';
import { runContent, type ContentDeps } from './run';

/** Wires a site's adapter and reply writer to the extension; the entrypoints call only this. */
export function startContentScript(
  adapter: SiteAdapter,
  writeReply: ContentDeps['writeReply'],
  signal: AbortSignal,
): void {
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

  const handlers = contentHandlers(app, browser.runtime.id, browser.runtime.getURL('/'));
  const removers = [
    onMessage('insertReply', ({ data, sender }) => handlers.insertReply(data, sender)),
    onMessage('rematch', ({ data, sender }) => handlers.rematch(data, sender)),
    onMessage('pageStats', ({ data, sender }) => handlers.pageStats(data, sender)),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
