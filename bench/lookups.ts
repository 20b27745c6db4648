import type { Page } from '@playwright/test';
import type { Harness } from '../e2e/support/extension';

/**
 * Exact identity lookups of each batch, in the service worker (where matching runs), woken
 * first if the browser let it sleep during a long import.
 */
export async function workerLookups(h: Harness, bench: Page, batches: string[][]): Promise<Lookups> {
  const ours = () =>
    h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
  let worker = ours();
  if (!worker) {
    const started = h.context.waitForEvent('serviceworker');
    // Any message to the extension starts its worker; this one has no handler and no answer.
    await bench.evaluate(() => {
      type Runtime = { runtime: { sendMessage: (m: unknown) => Promise<unknown> } };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime
        .sendMessage({ wake: true })
        .catch(() => undefined);
    });
    worker = ours() ?? (await started);
  }
  type Hooks = { conciergeBench: { lookups: (h: string[][]) => Promise<Lookups> } };
  const { matching, baseline } = await worker.evaluate(
    (b) => (globalThis as unknown as Hooks).conciergeBench.lookups(b),
    batches,
  );
  // The first batches wake the disk.
  return { matching: matching.slice(5), baseline: baseline.slice(5) };
}

export interface Lookups {
  matching: number[];
  /** The same batches with every key read through the customers' index. */
  baseline: number[];
}
