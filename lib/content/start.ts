import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { contentHandlers } from './handlers';
import { startLab } from './lab';
import { badgeLabels } from './labels';
import { nearScreen } from './near';
import { onScreenFirst } from './on-screen';
import { runContent } from './run';

/**
 * Wires a site's adapter to the extension; the entrypoints call only this. The script's own
 * evaluation is one task of the page's and the start is the next: together they took 58 ms on
 * Facebook and 82 ms on X, slowed 4× (bench/summary.md); each alone stays well under 50.
 */
export function startContentScript(adapter: SiteAdapter, signal: AbortSignal): void {
  setTimeout(() => {
    if (!signal.aborted) start(adapter, signal);
  }, 0);
}

function start(adapter: SiteAdapter, signal: AbortSignal): void {
  // A constant of the build: users' builds leave the benchmark's accounting out entirely.
  const lab = import.meta.env.CONCIERGE_BENCH ? startLab(() => performance.now()) : undefined;
  const app = runContent({
    adapter,
    doc: document,
    pageUrl: () => location.href,
    signal,
    labels: badgeLabels(),
    postsSeen: (data) => sendMessage('postsSeen', data),
    selectPost: (key) => sendMessage('selectPost', { key }),
    onScreen: onScreenFirst(window, signal, lab && ((ms) => lab.spend(ms, 'screenMs'))),
    near: nearScreen(window, signal, lab && ((ms) => lab.spend(ms, 'screenMs'))),
    ...(lab && { lab }),
  });

  const handlers = contentHandlers(
    app,
    browser.runtime.id,
    browser.runtime.getURL('/'),
    browser.runtime.getManifest().version,
  );
  const removers = [
    onMessage('insertReply', ({ data, sender }) => handlers.insertReply(data, sender)),
    onMessage('labels', ({ data, sender }) => handlers.labels(data, sender)),
    onMessage('pageStats', ({ data, sender }) => handlers.pageStats(data, sender)),
    onMessage('pageDiagnostic', ({ data, sender }) => handlers.pageDiagnostic(data, sender)),
  ];
  signal.addEventListener('abort', () => removers.forEach((remove) => remove()), { once: true });
}
