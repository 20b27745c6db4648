/**
 * The guarantees of README "Security and privacy", each held by a test here or named there.
 */
import { expect, test, type Page } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { facebookPage, xPage, xTimelineWith } from './support/pages';
import { extensionSuite } from './support/session';

const RLO = '\u202E';
/** `npm run test:full` runs the heavy checks at full size; `npm test` at a size CI affords. */
const IMPORT_ROWS = process.env.CONCIERGE_FULL === '1' ? 100_000 : 20_000;
const ZW = '\u200B\u200D\uFEFF';
const HUGE = 'A'.repeat(100_000);

/** Posts written by attackers: markup, scripts, direction overrides, invisible characters, huge text. */
const HOSTILE = [
  {
    handle: 'mallory1',
    name: '<img src=x onerror=alert(1)>',
    text: '<script>alert(document.cookie)</script> hi',
  },
  {
    handle: 'mallory2',
    name: `Evil${RLO}gnp.exe`,
    text: `click${ZW} <a href="javascript:alert(1)">here</a>`,
  },
  { handle: 'mallory3', name: '"><svg onload=alert(1)>', text: HUGE },
  {
    handle: 'mallory4',
    name: '{{customer.firstName}}',
    text: '${alert(1)} {{agent.name}} javascript:alert(1)',
  },
];

const hostileTimeline = () => xTimelineWith(HOSTILE.map((p, i) => ({ ...p, id: `18600000000000009${i}` })));

const suite = extensionSuite(async (h) => {
  await h.serve('https://x.com', { '/home': xPage('timeline.en.html'), '/hostile': hostileTimeline() });
  await h.serve('https://www.facebook.com', { '/': facebookPage('feed.en.html') });
});
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

/** Records CSP violations an extension page reports, from before its scripts run. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) console.push(m.text());
  });
  await page.evaluate(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ];
}

test('hostile posts render as text in badges and the side panel; nothing runs, no CSP violation, links are http(s) only', async () => {
  const page = await h.context.newPage();
  await page.goto('https://x.com/hostile');
  await expect.poll(async () => (await badgeTexts(page)).length).toBeGreaterThanOrEqual(12);
  expect(
    await page.evaluate(
      () =>
        document.querySelectorAll(
          '[data-concierge-badge] img, [data-concierge-badge] svg, [data-concierge-badge] script',
        ).length,
    ),
  ).toBe(0);

  const panel = await extensionPage(h, 'sidepanel.html');
  const csp = await watchCsp(panel);
  await panel.getByTestId('post-item').first().waitFor();
  for (const post of HOSTILE) {
    const item = panel.getByTestId('post-item').filter({ hasText: `@${post.handle}` });
    await expect(item).toHaveCount(1);
    await item.click();
    const quote = panel.locator('.post-quote');
    if (post.text === HUGE) await expect(quote).toHaveText(HUGE.slice(0, 10_000));
    else
      await expect(quote).toContainText(
        post.text
          .replace(/[\u200B-\u200F\uFEFF]/g, '')
          .replace(/\s+/g, ' ')
          .slice(0, 30),
      );
    await expect(panel.getByTestId('add-customer').locator('input[name="name"]')).toHaveValue(
      post.name.replace(/[\u200B-\u200F\u202A-\u202E\uFEFF]/g, ''),
    );
    // Template syntax in a name or post stays literal: it is never filled as a template.
    await expect(panel.getByTestId('suggestion').first().locator('textarea')).not.toHaveValue(
      /undefined|\$\{/,
    );
  }
  expect(await panel.locator('.detail img, .detail svg, .detail script, .detail iframe').count()).toBe(0);
  const hrefs = await panel.evaluate(() =>
    [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
  );
  expect(hrefs.every((href) => /^https?:\/\//.test(href))).toBe(true);
  expect(await csp()).toEqual([]);
  await panel.close();
  await page.close();
});

test('hostile CRM fields render as text on the options page', async () => {
  const options = await extensionPage(h, 'options.html');
  const csp = await watchCsp(options);
  const csv = `name,email,notes\n"<img src=x onerror=alert(1)>",img@example.com,"<script>alert(1)</script>"\n"Bob${RLO}gnp.exe",bob@example.com,${'B'.repeat(4000)}\n`;
  await options
    .getByTestId('import-file')
    .setInputFiles({ name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByTestId('import-mapping')).toContainText('<img src=x onerror=alert(1)>');
  await options.getByTestId('import-start').click();
  await expect(options.getByTestId('import-report')).toContainText('added: 2,');
  await options.getByTestId('customer-search').fill('img@');
  await expect(options.getByTestId('edit-customer')).toHaveCount(1);
  await expect(options.getByTestId('customer-table')).toContainText('<img src=x onerror=alert(1)>');
  await options.getByTestId('edit-customer').click();
  await expect(options.locator('input[name="name"]')).toHaveValue('<img src=x onerror=alert(1)>');
  await expect(options.getByTestId('edit-notes').locator('textarea')).toHaveValue(
    '<script>alert(1)</script>',
  );
  expect(await options.locator('main img, main script:not([src])').count()).toBe(0);
  expect(await csp()).toEqual([]);
  await options.close();
});

test('messages posted by the page are ignored: no reply is inserted, nothing breaks', async () => {
  const page = await h.context.newPage();
  await page.goto('https://x.com/home');
  await expect.poll(() => badgeTexts(page)).toHaveLength(8);
  await page.evaluate(() => {
    const forged = [
      { type: 'insertReply', data: { postId: '1859000000000000101', text: 'forged' } },
      {
        id: 1,
        type: 'insertReply',
        data: { postId: '1859000000000000101', text: 'forged' },
        timestamp: Date.now(),
      },
      { msg: { type: 'insertReply', data: { postId: '1859000000000000101', text: 'forged' } } },
    ];
    for (const message of forged) {
      window.postMessage(message, '*');
      window.dispatchEvent(new MessageEvent('message', { data: message }));
    }
  });
  await page.waitForTimeout(500);
  expect(await page.locator('[role="dialog"]').count()).toBe(0);
  expect(await badgeTexts(page)).toHaveLength(8);
  await page.close();
});

test('a whole session sends nothing anywhere: import, browsing both sites, suggestions, insert', async () => {
  const options = await extensionPage(h, 'options.html');
  await options.getByTestId('import-file').setInputFiles({
    name: 'c.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,email,x\nQuinn Session,quinn@example.com,quinn_s\n'),
  });
  await options.getByTestId('import-start').click();
  await expect(options.getByTestId('import-report')).toContainText('added: 1,');
  const x = await h.context.newPage();
  await x.goto('https://x.com/home');
  await expect.poll(() => badgeTexts(x)).toHaveLength(8);
  const fb = await h.context.newPage();
  await fb.goto('https://www.facebook.com/');
  await expect.poll(() => badgeTexts(fb)).toHaveLength(3);
  // The panel shows the tab busy last: the Facebook feed.
  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.getByTestId('post-item').filter({ hasText: 'Mei Tanaka' }).first().click();
  await panel.getByTestId('suggestion').first().getByTestId('insert-reply').click();
  await expect(panel.getByTestId('insert-status')).toBeVisible();

  // Everything any page of ours or the service worker loaded came from the extension itself.
  const loaded = [
    ...(await options.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))),
    ...(await panel.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))),
    ...(await h.worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))),
  ];
  expect(loaded.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
  expect(h.unexpected).toEqual([]);
  for (const p of [options, x, fb, panel]) await p.close();
});

test('stopping the service worker loses nothing: an import goes on, and messages sent while it starts are answered', async () => {
  const options = await extensionPage(h, 'options.html');
  const cdp = await h.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  const rows = ['name,email'];
  for (let i = 0; i < IMPORT_ROWS; i++) rows.push(`Stop Test ${i},stop${i}@example.com`);
  await options
    .getByTestId('import-file')
    .setInputFiles({ name: 'stop.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await options.getByTestId('import-start').click();
  // Five stops at random points while the rows are written.
  const spread = IMPORT_ROWS / 100;
  for (let i = 0; i < 5; i++) {
    await options.waitForTimeout(50 + Math.floor(Math.random() * spread));
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  await expect(options.getByTestId('import-report')).toContainText(
    `added: ${IMPORT_ROWS.toLocaleString('en-US')},`,
    {
      timeout: 10 * 60_000,
    },
  );
  const stored = await options.evaluate(async () => {
    const open = indexedDB.open('concierge');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const keys: IDBValidKey[] = await new Promise((r) => {
      const req = db
        .transaction('customers')
        .objectStore('customers')
        .index('emails')
        .getAllKeys(IDBKeyRange.bound('stop', 'stop\uffff'));
      req.onsuccess = () => r(req.result);
    });
    return { rows: keys.length, unique: new Set(keys.map(String)).size };
  });
  expect(stored).toEqual({ rows: IMPORT_ROWS, unique: IMPORT_ROWS });

  // The worker is stopped again; a post arriving now wakes it, and its answer still comes.
  const page = await h.context.newPage();
  await page.goto('https://x.com/home');
  await expect.poll(() => badgeTexts(page)).toHaveLength(8);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.evaluate(() => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = `<article data-testid="tweet" tabindex="0"><div data-testid="User-Name"><div><a href="/lorenawillis"><span>Lorena Willis</span></a></div>
      <div><a href="/lorenawillis" tabindex="-1">@lorenawillis</a><a href="/lorenawillis/status/1859000000000000999"><time datetime="2026-11-21T20:00:00.000Z">now</time></a></div></div>
      <div data-testid="tweetText" lang="en">Waking the worker</div></article>`;
    document.querySelector('[aria-label^="Timeline"]')!.appendChild(cell);
  });
  await expect
    .poll(async () => (await badgeTexts(page)).filter((t) => t === 'Lorena Willis · VIP'))
    .toHaveLength(2);
  await cdp.send('ServiceWorker.stopAllWorkers');
  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.getByTestId('post-item').filter({ hasText: 'Waking the worker' }).click();
  await expect(panel.getByTestId('customer-card')).toContainText('Lorena Willis');
  for (const p of [panel, page, options]) await p.close();
});
