import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { extensionPage, type Harness } from './support/extension';
import { xPage, xTimelineWith } from './support/pages';
import { extensionSuite, tabIdOf } from './support/session';
import { expectNoViolations } from './support/axe';

/**
 * axe-core over every main state of the side panel and the options page, in light and dark,
 * in English and Russian: zero violations of WCAG 2.1 A and AA, text contrast 4.5:1 included.
 */
const LOOK_ALIKE = [
  { handle: 'lorena_w_77', name: 'Lorena Wills', id: '1862000000000000001', text: 'Where is my kettle?' },
];

/**
 * What stays in Latin letters in a Russian UI: brand, product and format names, the tier "VIP",
 * the keys of the queue's shortcuts, and a language code given as an example.
 */
const LATIN_NAMES = new Set(
  [
    'Concierge X Facebook CRM VIP',
    'CSV csv Excel xlsx xls JSON json UTF Windows ZIP Apple Numbers OpenDocument ods',
    'D S R I ru',
  ].flatMap((line) => line.split(' ')),
);

/**
 * Latin words a Russian agent would see in the UI, in text or in accessible names, each with
 * where it was found. Customer content is left out where the UI marks it: `translate="no"`
 * (names, handles, addresses, items, values from a file) or a `lang` of its own (posts, replies
 * and templates in their language). What the agent types, in text boxes, is theirs too.
 */
async function englishWords(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const foreign = (el: Element): boolean =>
      !!el.closest(
        '[translate="no"], [lang]:not(html), [aria-hidden="true"], [hidden], option:not(:checked), textarea',
      );
    const where = (el: Element): string => {
      const marked = el.closest('[data-testid]');
      const id = marked ? `[data-testid=${marked.getAttribute('data-testid')}] ` : '';
      return `${id}${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
    };
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || foreign(parent)) continue;
      if (!parent.getClientRects().length) continue;
      out.push({ text: node.textContent, where: where(parent) });
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (foreign(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push({ text: v, where: `${where(el)}@${a}` });
      }
    }
    return out;
  });
  const english = found.flatMap(({ text, where }) => {
    const words = (text.match(/[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?/g) ?? []).filter((w) => !LATIN_NAMES.has(w));
    return words.length ? [`${words.join(' ')} ← ${where}`] : [];
  });
  return [...new Set(english)];
}

async function expectRussian(page: Page, state: string, locale: string): Promise<void> {
  if (locale !== 'ru') return;
  expect.soft(await englishWords(page), `English words in "${state}"`).toEqual([]);
}

const messages = (locale: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${locale.slice(0, 2)}/messages.json`, 'utf8'));

const CSV = [
  'Record ID,First Name,Last Name,Email,Phone Number,Twitter Username,Lead Status',
  'h-1,Ada,Lane,ada@example.com,+1 555 0100,ada_lane,vip',
  'h-2,Bob,Stone,not-an-email,,,',
].join('\r\n');

for (const locale of ['en-US', 'ru']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      const suite = extensionSuite(
        (h) =>
          h.serve('https://x.com', {
            '/home': xPage('timeline.en.html'),
            '/alike': xTimelineWith(LOOK_ALIKE),
            '/changed': xPage('timeline.en.html').replaceAll('data-testid="tweet"', 'data-testid="post"'),
          }),
        { launch: { locale, colorScheme } },
      );
      let h: Harness;
      const check = async (page: Page, state: string): Promise<void> => {
        await expectNoViolations(page, state);
        await expectRussian(page, state, locale);
      };
      test.beforeAll(() => {
        h = suite();
      });

      test('the side panel in each state a user sees', async () => {
        const empty = await extensionPage(h, 'sidepanel.html');
        // The language and the theme asked for are the ones shown.
        await expect(empty.locator('.empty')).toHaveText(messages(locale).panelNoTab!.message);
        const background = await empty.evaluate(
          () => getComputedStyle(document.documentElement).backgroundColor,
        );
        expect(background).toBe(colorScheme === 'dark' ? 'rgb(21, 25, 29)' : 'rgb(255, 255, 255)');
        await check(empty, 'no page yet, first run');

        const home = await h.context.newPage();
        await home.goto('https://x.com/home');
        const panel = await extensionPage(h, `sidepanel.html?tab=${await tabIdOf(h, 'https://x.com/home')}`);
        await expect(panel.getByTestId('post-item').first()).toBeVisible();
        await check(panel, 'queue and first run');

        await panel.getByTestId('post-item').filter({ hasText: 'microwave' }).click();
        await expect(panel.getByTestId('customer-card')).toBeVisible();
        // Opened, so that what they hold is checked too.
        for (const details of await panel.locator('[data-testid="reading"] details').all())
          await details.locator('summary').click();
        await expect(panel.getByTestId('reading-evidence').locator('li').first()).toBeVisible();
        await check(panel, 'a selected post of a customer, its reading opened');

        const first = panel.getByTestId('suggestion').first();
        await first.locator('textarea').fill('We emailed lorena.willis@example.com about it.');
        await first.getByTestId('insert-reply').click();
        await expect(panel.getByTestId('privacy-warning')).toBeVisible();
        await check(panel, 'privacy warning');

        const alike = await h.context.newPage();
        await alike.goto('https://x.com/alike');
        const candidates = await extensionPage(
          h,
          `sidepanel.html?tab=${await tabIdOf(h, 'https://x.com/alike')}`,
        );
        await candidates.getByTestId('post-item').filter({ hasText: 'kettle' }).click();
        await expect(candidates.getByTestId('candidates')).toBeVisible();
        await check(candidates, 'candidates for an unknown author');
        await candidates.getByTestId('none-of-these').click();
        await expect(candidates.getByTestId('add-customer')).toBeVisible();
        await check(candidates, 'adding a customer');

        const changed = await h.context.newPage();
        await changed.goto('https://x.com/changed');
        const alarm = await extensionPage(
          h,
          `sidepanel.html?tab=${await tabIdOf(h, 'https://x.com/changed')}`,
        );
        await expect(alarm.getByTestId('health-alarm')).toBeVisible();
        await check(alarm, 'page-health alarm');
        for (const p of [empty, home, panel, alike, candidates, changed, alarm]) await p.close();
      });

      test('the options page in each state a user sees', async () => {
        const page = await extensionPage(h, 'options.html');
        await expect(page.getByTestId('customer-table')).toBeVisible();
        await check(page, 'customers');

        await page.getByTestId('edit-customer').first().click();
        await expect(page.getByTestId('customer-editor')).toBeVisible();
        await check(page, 'customer editor');
        await page.getByTestId('close-editor').click();

        await page
          .getByTestId('import-file')
          .setInputFiles({ name: 'hubspot.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
        await expect(page.getByTestId('import-mapping')).toBeVisible();
        await page.locator('.tier-words summary').click();
        await check(page, 'import mapping, tier words opened');
        await page.getByTestId('import-start').click();
        await expect(page.getByTestId('import-report')).toBeVisible();
        // A cell left out is explained in the UI's language.
        await expect(page.getByTestId('import-flagged')).toContainText(
          locale === 'ru'
            ? '«not-an-email» — не адрес электронной почты.'
            : '"not-an-email" is not an email address.',
        );
        await check(page, 'import report');

        await page.getByTestId('template-new').click();
        await expect(page.getByTestId('template-form')).toBeVisible();
        await check(page, 'template editor');
        await page.close();
      });
    });
  }
}
