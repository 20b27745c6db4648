import { expect, test } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { xTimelineWith } from './support/pages';
import { extensionSuite } from './support/session';

const POSTS = [
  { handle: 'lorenawillis', name: 'Lorena Willis', id: '1862000000000000001', text: 'My kettle leaks again 😡' },
  { handle: 'jonas_b', name: 'Jonas Berg', id: '1862000000000000002', text: 'Do you ship to Norway?' },
];

// Its own browser: the extension is reloaded here, as an update does.
const suite = extensionSuite((h) => h.serve('https://x.com', { '/open-before': xTimelineWith(POSTS) }));
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

test('a tab open before an update gets the new content script: live badges, its posts in the queue', async () => {
  const page = await h.context.newPage();
  await page.goto('https://x.com/open-before');
  await expect.poll(async () => (await badgeTexts(page)).length).toBeGreaterThan(0);
  const before = (await badgeTexts(page)).toSorted();

  // An update, as the browser does it: the extension reloads, the page stays.
  const options = await extensionPage(h, 'options.html');
  const restarted = h.context.waitForEvent('serviceworker');
  await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload: () => void } } }).chrome.runtime.reload()).catch(() => undefined);
  await restarted;

  // The old script's badges went with it; the new one, put in by Concierge, drew the same again, once.
  await expect.poll(async () => (await badgeTexts(page)).toSorted(), { timeout: 10_000 }).toEqual(before);
  // Nothing was reloaded, yet the new service worker knows this tab's posts: the new script sent them.
  const panel = await extensionPage(h, 'sidepanel.html');
  await expect(panel.getByTestId('post-item').filter({ hasText: 'kettle leaks' })).toBeVisible();
  // And its badges answer: a click selects the post in the panel.
  await page.locator('article').filter({ hasText: 'Do you ship to Norway' }).locator('[data-concierge-badge]').click();
  await expect(panel.locator('[data-testid="post-item"][aria-pressed="true"]')).toContainText('Norway');
  await panel.close();
  await page.close();
});
