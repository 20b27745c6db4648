import { expect, test, type Page } from '@playwright/test';
import type { PageStats } from '../../lib/messaging';
import { badgeTexts, extensionPage, launch, scrollThrough, type Harness } from './extension';

/**
 * One browser with the extension for a spec file, with the checks every test ends with: nothing
 * left the machine, and (unless the spec's own confirmations are expected) no dialog opened, so
 * no page text ran as code. `serve` routes the spec's saved pages; `sample` loads the sample
 * customers. Returns the harness, ready in the tests.
 */
export function extensionSuite(
  serve?: (h: Harness) => Promise<void>,
  options: { sample?: boolean; acceptDialogs?: boolean; launch?: Parameters<typeof launch>[0] } = {},
): () => Harness {
  let h: Harness | undefined;
  const dialogs: string[] = [];
  test.beforeAll(async () => {
    h = await launch(options.launch);
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
    const answer = await chrome.tabs.sendMessage(tab!.id!, {
      id: 1,
      type: 'pageStats',
      data: undefined,
      timestamp: Date.now(),
    });
    return answer.res;
  }, pageUrl);
}

/**
 * Five batches of 100 posts, each added by `addBatch(round)`, half of them by the customer whose
 * badge reads `customerBadge`: every post is counted once and, scrolled to, badged once; the page
 * ends with `badgesAfter` badges.
 */
export async function expectBatchesBadgedOnce(
  h: Harness,
  page: Page,
  pageUrl: string,
  addBatch: (round: number) => Promise<unknown>,
  customerBadge: string,
  badgesAfter: number,
): Promise<void> {
  const customer = (texts: string[]) => texts.filter((t) => t === customerBadge).length;
  const start = await pageStats(h, pageUrl);
  const customerBefore = customer(await badgeTexts(page));
  for (let round = 0; round < 5; round++) {
    const before = await pageStats(h, pageUrl);
    await addBatch(round);
    // A batch lands below the screen: its badges come as the reader scrolls to it. Polling the
    // content script's counters, not the DOM, keeps the test from loading the page.
    await expect
      .poll(
        async () => {
          await scrollThrough(page);
          return (await pageStats(h, pageUrl)).badgesDrawn;
        },
        { timeout: 15_000 },
      )
      .toBe(before.badgesDrawn + 100);
  }
  const end = await pageStats(h, pageUrl);
  expect(end.postsSeen - start.postsSeen).toBe(500);
  expect(end.badgesDrawn - start.badgesDrawn).toBe(500);
  const texts = await badgeTexts(page);
  expect(texts).toHaveLength(badgesAfter);
  expect(customer(texts)).toBe(customerBefore + 250);
}

export function article(page: Page, handle: string, id: string) {
  return page
    .locator('article[data-testid="tweet"]')
    .filter({ has: page.locator(`a[href="/${handle}/status/${id}"]`) });
}

/** The browser's id of the tab showing `url`, asked of the extension's worker. */
export async function tabIdOf(h: Harness, url: string): Promise<number> {
  return h.worker.evaluate(async (address) => {
    type Tabs = { tabs: { query: (q: { url: string }) => Promise<{ id?: number }[]> } };
    const [tab] = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({ url: address });
    return tab?.id ?? 0;
  }, url);
}
