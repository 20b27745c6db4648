import { expect, test } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { facebookPage } from './support/pages';
import { extensionSuite } from './support/session';

const POST_PATH = '/hearthandco/posts/pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';
const suite = extensionSuite((h) =>
  h.serve('https://www.facebook.com', {
    [POST_PATH]: facebookPage('page-post.en.html'),
    '/': facebookPage('feed.en.html'),
  }),
);
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

test('first run asks for the brand’s accounts; its posts then say "Brand" and leave the queue, and ads are never badged or queued', async () => {
  const page = await h.context.newPage();
  await page.goto(`https://www.facebook.com${POST_PATH}`);
  await expect.poll(() => badgeTexts(page)).toHaveLength(6);
  expect((await badgeTexts(page)).filter((t) => t === 'Not a customer yet').length).toBeGreaterThanOrEqual(2);
  const panel = await extensionPage(h, 'sidepanel.html');
  const queue = panel.getByTestId('post-item');
  await expect(queue.filter({ hasText: 'winter kettle collection' })).toHaveCount(1);

  // The brand's Facebook page, typed as a link.
  const firstRun = panel.getByTestId('first-run');
  await expect(firstRun).toContainText('Whose pages are these?');
  await firstRun.getByTestId('first-run-accounts').fill('https://www.facebook.com/hearthandco');
  await firstRun.getByTestId('first-run-save').click();
  await expect(firstRun).toHaveCount(0);

  // The badges already drawn follow: the page's post and its reply are the brand's own.
  await expect.poll(async () => (await badgeTexts(page)).filter((t) => t === 'Brand')).toHaveLength(2);
  await expect(queue.filter({ hasText: 'winter kettle collection' })).toHaveCount(0);
  await expect(queue.filter({ hasText: 'So sorry, Lorena' })).toHaveCount(0);
  await expect(queue.filter({ hasText: 'cracked lid' })).toHaveCount(1);

  // A sponsored post in the feed: read, never badged, never queued.
  const feed = await h.context.newPage();
  await feed.goto('https://www.facebook.com/');
  await expect.poll(() => badgeTexts(feed)).toHaveLength(3);
  await expect(queue.filter({ hasText: '20% off all ovens' })).toHaveCount(0);
  await expect(queue.filter({ hasText: 'Same teapot here' })).toHaveCount(1);
  for (const p of [panel, page, feed]) await p.close();
});
