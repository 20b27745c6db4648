import { expect, test } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { xTimelineWith } from './support/pages';
import { extensionSuite } from './support/session';

const POSTS = [
  {
    handle: 'lorenawillis',
    name: 'Lorena Willis',
    id: '1862000000000000001',
    text: 'My kettle leaks again 😡',
  },
  { handle: 'jonas_b', name: 'Jonas Berg', id: '1862000000000000002', text: 'Do you ship to Norway?' },
];

const suite = extensionSuite((h) => h.serve('https://x.com', { '/open-before': xTimelineWith(POSTS) }));
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

/** The worker's `chrome`, as far as this test uses it. */
declare const chrome: {
  runtime: { getManifest: () => { content_scripts: { matches: string[]; js: string[] }[] } };
  tabs: { query: (q: { url: string[] }) => Promise<{ id: number }[]> };
  scripting: { executeScript: (o: { target: { tabId: number }; files: string[] }) => Promise<unknown> };
};

// What the worker does for open tabs on install and update (lib/background/open-tabs.ts), done
// here by hand: this harness cannot reinstall an extension loaded from the command line.
test('the content script put into an open tab again takes over: one set of badges, and they answer', async () => {
  const page = await h.context.newPage();
  await page.goto('https://x.com/open-before');
  await expect.poll(async () => (await badgeTexts(page)).length).toBeGreaterThan(0);
  const before = (await badgeTexts(page)).toSorted();
  await page.evaluate(() =>
    document.querySelectorAll('[data-concierge-badge]').forEach((b) => b.setAttribute('data-first-copy', '')),
  );

  const injected = await h.worker.evaluate(async () => {
    const script = chrome.runtime
      .getManifest()
      .content_scripts.find((s) => s.matches.includes('https://x.com/*'))!;
    const tabs = await chrome.tabs.query({ url: script.matches });
    for (const tab of tabs)
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: script.js });
    return tabs.length;
  });
  expect(injected).toBe(1);

  // The first copy's badges are gone and the new copy drew the same ones, once.
  await expect.poll(() => page.locator('[data-first-copy]').count()).toBe(0);
  await expect.poll(async () => (await badgeTexts(page)).toSorted()).toEqual(before);
  const panel = await extensionPage(h, 'sidepanel.html');
  await expect(panel.getByTestId('post-item').filter({ hasText: 'kettle leaks' })).toBeVisible();
  await page
    .locator('article')
    .filter({ hasText: 'Do you ship to Norway' })
    .locator('[data-concierge-badge]')
    .click();
  await expect(panel.locator('[data-testid="post-item"][aria-selected="true"]')).toContainText('Norway');
  await panel.close();
  await page.close();
});
