import { expect, test, type Page } from '@playwright/test';
import type { PageStats } from '../../lib/messaging';
import { extensionPage, launch, type Harness } from './extension';

/**
 * One browser with the extension for a spec file, with the checks every test ends with: nothing
 * left the machine, and (unless the spec's own confirmations are expected) no dialog opened, so
 * no page text ran as code. `serve` routes the spec's saved pages; `sample` loads the sample
 * customers. Returns the harness, ready in the tests.
 */
export function extensionSuite(
  serve?: (h: Harness) => Promise<void>,
  options: { sample?: boolean; acceptDialogs?: boolean } = {},
): () => Harness {
  let h: Harness | undefined;
  const dialogs: string[] = [];
  test.beforeAll(async () => {
    h = await launch();
    await serve?.(h);
    h.context.on('page', (p) =>
      p.on('dialog', (d) => {
        if (options.acceptDialogs) return void d.accept();
        dialogs.push(d.message());
        void d.dismiss();
      }),
    );
    if (options.sample ?? true) await loadSampleCustomers(h);
  });
  test.afterAll(async () => {
    await h?.close();
  });
  test.afterEach(() => {
    expect(h?.unexpected).toEqual([]);
    expect(dialogs).toEqual([]);
  });
  return () => {
    if (!h) throw new Error('the extension suite has not started');
    return h;
  };
}

export async function loadSampleCustomers(h: Harness): Promise<void> {
  const options = await extensionPage(h, 'options.html');
  await options.getByTestId('load-sample').click();
  await expect(options.getByTestId('customer-count')).toContainText('5');
  await options.close();
}

/** The worker's `chrome` global, as far as these helpers use it inside `worker.evaluate`. */
declare const chrome: {
  tabs: {
    query(filter: { url: string }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<{ res: PageStats }>;
  };
};

/** The content script's own counters, asked for as the side panel does. */
export async function pageStats(h: Harness, pageUrl: string): Promise<PageStats> {
  return h.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const answer = await chrome.tabs.sendMessage(tab!.id!, { id: 1, type: 'pageStats', data: undefined, timestamp: Date.now() });
    return answer.res;
  }, pageUrl);
}

export function article(page: Page, handle: string, id: string) {
  return page.locator('article[data-testid="tweet"]').filter({ has: page.locator(`a[href="/${handle}/status/${id}"]`) });
}
