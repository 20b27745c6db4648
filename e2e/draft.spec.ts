import { expect, test } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { facebookPage } from './support/pages';
import { extensionSuite } from './support/session';

const POST_PATH = '/hearthandco/posts/pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';

/**
 * The browser's model cannot run here: the side panel gets a fake `LanguageModel` with the
 * documented interface (availability, create with a download monitor, prompt with a
 * responseConstraint, destroy). It answers with a reply that leaks an e-mail address.
 */
function installFakeModel() {
  if (!location.pathname.endsWith('/sidepanel.html')) return;
  const calls: { prompt: string; constraint: unknown }[] = [];
  Object.assign(window, {
    __modelCalls: calls,
    LanguageModel: {
      availability: async () => 'downloadable',
      create: async (options: { monitor?: (m: EventTarget) => void }) => {
        const monitor = new EventTarget();
        options.monitor?.(monitor);
        for (const loaded of [0.25, 0.5, 1]) {
          await new Promise((r) => setTimeout(r, 100));
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
        }
        return {
          prompt: async (prompt: string, { responseConstraint }: { responseConstraint: unknown }) => {
            calls.push({ prompt, constraint: responseConstraint });
            return JSON.stringify({
              reply:
                'Hi Lorena, so sorry about the cracked lid. We emailed lorena.willis@example.com with a return label. — Sam',
            });
          },
          destroy: () => undefined,
        };
      },
    },
  });
}

const suite = extensionSuite((h) =>
  h.serve('https://www.facebook.com', { [POST_PATH]: facebookPage('page-post.en.html') }),
);
let h: Harness;
test.beforeAll(async () => {
  h = suite();
});

// First, before any fake is installed: a browser without the model.
test('without a model the panel says so, and the templates are the suggestions', async () => {
  const page = await h.context.newPage();
  await page.goto(`https://www.facebook.com${POST_PATH}`);
  await expect.poll(() => badgeTexts(page)).toHaveLength(6);
  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.getByTestId('post-item').filter({ hasText: 'cracked lid' }).click();
  await expect(panel.getByTestId('draft-unavailable')).toContainText('not available in this browser');
  await expect(panel.getByTestId('on-device-draft')).toHaveCount(0);
  await expect(panel.getByTestId('suggestion').first()).toBeVisible();
  await panel.close();
  await page.close();
});

test('an on-device draft: download progress, labelled with what it used, through the privacy guard', async () => {
  await h.context.addInitScript(installFakeModel);
  const page = await h.context.newPage();
  await page.goto(`https://www.facebook.com${POST_PATH}`);
  await expect.poll(() => badgeTexts(page)).toHaveLength(6);
  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.getByTestId('post-item').filter({ hasText: 'cracked lid' }).click();
  const draft = panel.getByTestId('on-device-draft');
  // Nothing is written until the agent asks; the templates are there meanwhile.
  await expect(panel.getByTestId('suggestion').first()).toBeVisible();
  await draft.getByTestId('write-draft').click();
  await expect(draft).toContainText('Downloading the on-device model');
  await expect(draft).toContainText('Draft written on this device');
  await expect(draft.getByTestId('draft-used')).toHaveText(
    'Uses: the post, the replies under it, the order, the order number they gave',
  );
  const calls = await panel.evaluate(
    () =>
      (window as unknown as { __modelCalls: { prompt: string; constraint: { required: string[] } }[] })
        .__modelCalls,
  );
  expect(calls).toHaveLength(1);
  expect(calls[0]!.constraint.required).toEqual(['reply']);
  expect(calls[0]!.prompt).toContain("Done, it's HC-20418");
  // The draft leaks an e-mail: the guard stops it before anything reaches the page.
  await draft.getByTestId('insert-draft').click();
  await expect(panel.getByTestId('privacy-warning')).toContainText('an email (lorena.willis@example.com)');
  await expect(page.locator('.reply-box')).toHaveCount(0);
  await panel.close();
  await page.close();
});
