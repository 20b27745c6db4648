/**
 * Concierge on its built-in demo data, in Chromium: the sample customers of a fictional shop,
 * saved X and Facebook pages served at https://x.com and https://www.facebook.com (nothing goes
 * to the network), the side panel beside them.
 *
 *   npm run demo              a browser window you can use, when there is a display; the
 *                             browser's own side panel opens beside the timeline at the end
 *   npm run demo -- --headless  no window: walks through the path and saves screenshots
 *
 * Either way it prints what Concierge found and saves screenshots in demo-output/, one of them
 * with the page and the side panel side by side.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { badgeTexts, extensionPage, launch, type Harness } from '../e2e/support/extension';
import { facebookPage, xPage } from '../e2e/support/pages';
import { demoPage } from './demo/pages';

const OUT = 'demo-output';
const HOME = 'https://x.com/home';
const FACEBOOK_POST_PATH = '/hearthandco/posts/pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';
const FACEBOOK_POST = `https://www.facebook.com${FACEBOOK_POST_PATH}`;
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function waitForBadges(page: Page, count: number): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const texts = await badgeTexts(page);
    if (texts.length >= count) return texts;
    await page.waitForTimeout(100);
  }
  throw new Error('Concierge drew no badges on the demo timeline: is the extension built (npm run build)?');
}

/** The page and the side panel as the agent sees them, in one picture. */
async function sideBySide(h: Harness, page: Page, panel: Page, path: string): Promise<void> {
  const shots = [await page.screenshot(), await panel.screenshot()].map(
    (png) => `<img alt="" src="data:image/png;base64,${png.toString('base64')}">`,
  );
  const size = (p: Page) =>
    p.viewportSize() ?? p.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const [pageSize, panelSize] = await Promise.all([size(page), size(panel)]);
  const sheet = await h.context.newPage();
  await sheet.setViewportSize({
    width: pageSize.width + panelSize.width + 1,
    height: Math.max(pageSize.height, panelSize.height),
  });
  await sheet.setContent(
    `<body style="margin:0;display:flex;gap:1px;background:#c4c7c5">${shots.join('')}</body>`,
  );
  await sheet.screenshot({ path });
  await sheet.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  // Headed, pages take the window's size: the browser's side panel then narrows the page, as on a
  // laptop, instead of covering a page of fixed width.
  const h = await launch({ headless, ...(!headless && { viewport: null }) });
  await h.serve('https://x.com', {
    '/home': demoPage('x', xPage('timeline.en.html')),
    '/alisa_andreeva/status/1859000000000000201': demoPage('x', xPage('conversation.ru.html')),
    '/lorenawillis': demoPage('x', xPage('profile.en.html')),
  });
  await h.serve('https://www.facebook.com', {
    [FACEBOOK_POST_PATH]: demoPage('facebook', facebookPage('page-post.en.html')),
    '/': demoPage('facebook', facebookPage('feed.en.html')),
    '/groups/kitchenlovers/': demoPage('facebook', facebookPage('group.ru.html')),
  });

  const options = await extensionPage(h, 'options.html');
  await options.getByTestId('load-sample').click();
  await options.getByTestId('customer-table').waitFor();
  // The sample shop's own accounts, as a new team fills them in: its posts are then not customers'.
  await options.getByTestId('setting-agent').fill('Sam');
  await options.getByTestId('setting-brand').fill('Hearth & Co.');
  await options
    .getByTestId('setting-brand-handles')
    .fill('@hearthandco; https://www.facebook.com/hearthandco');
  await options.getByTestId('save-settings').click();
  await options.screenshot({ path: `${OUT}/options.png`, fullPage: true });
  console.log(`Sample customers: ${await options.getByTestId('customer-count').innerText()}`);

  const timeline = await h.context.newPage();
  // Room for the side panel beside it, as on a laptop's screen.
  if (headless) await timeline.setViewportSize({ width: 1100, height: 900 });
  await timeline.goto(HOME);
  const badges = await waitForBadges(timeline, 8);
  console.log(`\nBadges on ${HOME}:`);
  for (const text of badges) console.log(`  • ${text}`);

  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByTestId('post-item').filter({ hasText: 'Lorena Willis' }).click();
  await panel.getByTestId('customer-card').waitFor();
  const suggestions = panel.getByTestId('suggestion');
  await suggestions.first().waitFor();
  console.log('\nSuggested replies to Lorena Willis:');
  for (const box of await suggestions.locator('textarea').all())
    console.log(`  • ${(await box.inputValue()).replace(/\n/g, ' ⏎ ')}`);
  await panel.screenshot({ path: `${OUT}/sidepanel.png`, fullPage: true });

  await suggestions.first().getByTestId('insert-reply').click();
  await panel.getByTestId('insert-status').waitFor();
  console.log(`\nInsert: ${await panel.getByTestId('insert-status').innerText()}`);
  await timeline.bringToFront();
  await timeline.screenshot({ path: `${OUT}/timeline-with-reply.png` });
  // The panel as the agent first sees it beside the page: from its top, the queue in view.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await sideBySide(h, timeline, panel, `${OUT}/side-by-side.png`);

  const facebook = await h.context.newPage();
  await facebook.goto(FACEBOOK_POST);
  const fbBadges = await waitForBadges(facebook, 6);
  console.log(`\nBadges on ${FACEBOOK_POST}:`);
  for (const text of fbBadges) console.log(`  • ${text}`);
  await panel.bringToFront();
  await panel.getByTestId('post-item').filter({ hasText: 'cracked lid' }).click();
  await panel.getByTestId('suggestion').first().getByTestId('insert-reply').click();
  await panel.getByTestId('insert-status').waitFor();
  console.log(`Insert under Lorena's comment: ${await panel.getByTestId('insert-status').innerText()}`);
  await facebook.bringToFront();
  await facebook.screenshot({ path: `${OUT}/facebook-with-reply.png`, fullPage: true });

  console.log(
    `\nScreenshots: ${OUT}/side-by-side.png, ${OUT}/options.png, ${OUT}/sidepanel.png, ${OUT}/timeline-with-reply.png, ${OUT}/facebook-with-reply.png`,
  );

  if (h.unexpected.length)
    console.warn(`\nRequests that tried to leave the machine (all blocked):\n  ${h.unexpected.join('\n  ')}`);

  if (headless) {
    await h.close();
    return;
  }
  // The browser's own side panel opens on a click in the page (Chrome wants a user's gesture):
  // a click on a badge, as the agent would.
  await panel.close();
  // The blank tab the browser opened with has nothing to show the agent.
  for (const page of h.context.pages()) if (page.url() === 'about:blank') await page.close();
  await timeline.bringToFront();
  await timeline.keyboard.press('Escape');
  await timeline.reload();
  await waitForBadges(timeline, 8);
  await timeline.locator('[data-concierge-badge]').first().click();
  console.log(
    '\nThe browser stays open with the side panel beside the timeline: click a badge, choose a post, insert a reply. Close the browser to finish.',
  );
  await new Promise<void>((done) => h.context.on('close', () => done()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
