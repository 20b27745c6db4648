import { expect, test, type Locator, type Page } from '@playwright/test';
import { badgeTexts, extensionPage, type Harness } from './support/extension';
import { facebookPage } from './support/pages';
import { expectBatchesBadgedOnce, extensionSuite, pageStats } from './support/session';

const POST_ID = 'pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';
const POST_PATH = `/hearthandco/posts/${POST_ID}`;
const POST_URL = `https://www.facebook.com${POST_PATH}`;
const GROUP_URL = 'https://www.facebook.com/groups/kitchenlovers/';

const suite = extensionSuite((h) =>
  h.serve('https://www.facebook.com', {
    [POST_PATH]: facebookPage('page-post.en.html'),
    '/': facebookPage('feed.en.html'),
    '/groups/kitchenlovers/': facebookPage('group.ru.html'),
  }),
);
let h: Harness;
test.beforeAll(() => {
  h = suite();
});

async function open(url: string, badges: number): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await expect.poll(() => badgeTexts(page)).toHaveLength(badges);
  return page;
}

async function openPanel(): Promise<Page> {
  const panel = await extensionPage(h, 'sidepanel.html');
  await expect(panel.getByTestId('post-item').first()).toBeVisible();
  return panel;
}

/** What Lexical's own state holds for a box: its paragraphs, line breaks as "\n". */
function lexicalText(box: Locator): Promise<string | null> {
  return box.evaluate((el) =>
    (window as unknown as { __lexical: (e: Element) => string | null }).__lexical(el),
  );
}

test('badges on a page post’s comments and replies name known customers, by vanity name and by id', async () => {
  const page = await open(POST_URL, 6);
  expect((await badgeTexts(page)).toSorted()).toEqual(
    [
      'Not a customer yet', // the page's own post
      'Lorena Willis · VIP',
      'Not a customer yet', // the page's reply
      'Lorena Willis · VIP',
      'Not a customer yet', // Jonas, profile.php
      'Tomás Rivera · Regular', // /people/ link, numeric id
    ].toSorted(),
  );
  const stats = await pageStats(h, POST_URL);
  expect(stats.postsSeen).toBe(6);
  expect(stats.misses).toEqual({ 'no-author': 1 });
  await page.close();
});

test('the side panel shows a commenter’s card and suggestions; Insert fills the Lexical reply box under that comment', async () => {
  const page = await open(POST_URL, 6);
  const panel = await openPanel();
  await panel.getByTestId('post-item').filter({ hasText: 'cracked lid' }).click();
  const card = panel.getByTestId('customer-card');
  await expect(card).toContainText('Lorena Willis');
  await expect(card).toContainText('Built-in microwave BM-60');
  const suggestions = panel.getByTestId('suggestion');
  expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
  // She gave her order number under the brand's question: it is used, never asked for again, and
  // no other order's item is named for a cracked lid.
  await expect(suggestions.first().locator('textarea')).toHaveValue(/order HC-20418/);
  for (const text of await suggestions
    .locator('textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)))
    expect(text).not.toMatch(/microwave|order number\?|with your order number/i);

  const comment = page.locator('[role="article"][aria-label^="Comment by Lorena"]');
  const replyBox = comment.locator(':scope > .reply-box');
  const commentBox = page.locator('[aria-label="Comment as Hearth & Co."]');
  await expect(replyBox).toHaveCount(0);

  const first = await suggestions.first().locator('textarea').inputValue();
  await suggestions.first().getByTestId('insert-reply').click();
  await expect(panel.getByTestId('insert-status')).toContainText('Inserted');
  await expect(replyBox).toHaveCount(1);
  await expect.poll(() => lexicalText(replyBox)).toBe(first);

  // Multi-line, twice in a row: the box holds it once, lines kept.
  const multiLine = suggestions.first();
  const text = `${first}\nThank you for your patience.`;
  await multiLine.locator('textarea').fill(text);
  await multiLine.getByTestId('insert-reply').click();
  await expect.poll(() => lexicalText(replyBox)).toBe(text);
  await multiLine.getByTestId('insert-reply').click();
  await expect(panel.getByTestId('insert-status')).toContainText('Inserted');
  await expect.poll(() => lexicalText(replyBox)).toBe(text);

  // Nothing else was written to: not the post's comment box, not Messenger, no second reply box.
  expect(await lexicalText(commentBox)).toBe('');
  expect(await lexicalText(page.locator('[aria-label="Message"]'))).toBe('');
  await expect(page.locator('.reply-box')).toHaveCount(1);
  await panel.close();
  await page.close();
});

test('a suggestion speaks of the product the comment is about, from the customer’s orders', async () => {
  const page = await open(POST_URL, 6);
  const panel = await openPanel();
  await panel.getByTestId('post-item').filter({ hasText: 'stone kettles' }).click();
  const first = panel.getByTestId('suggestion').first();
  await expect(first.locator('textarea')).toHaveValue(
    /^Hi Tomás, I’ve checked the order with your Stone kettle, placed on November 15/,
  );
  await expect(first.getByTestId('suggestion-reasons')).toContainText(
    'mentions the Stone kettle from order HC-21102',
  );
  await panel.close();
  await page.close();
});

test('a reply two levels deep gets its own reply box, under it', async () => {
  const page = await open(POST_URL, 6);
  const panel = await openPanel();
  await panel.getByTestId('post-item').filter({ hasText: 'HC-20418. Thanks' }).click();
  const suggestion = panel.getByTestId('suggestion').first();
  const text = await suggestion.locator('textarea').inputValue();
  await suggestion.getByTestId('insert-reply').click();
  const deep = page.locator('[role="article"][aria-label^="Reply by Lorena"] > .reply-box');
  await expect.poll(() => lexicalText(deep)).toBe(text);
  await expect(page.locator('.reply-box')).toHaveCount(1);
  await panel.close();
  await page.close();
});

test('Insert on the post itself fills its rich-text comment box, paragraphs kept', async () => {
  const page = await open(POST_URL, 6);
  const panel = await openPanel();
  await panel.getByTestId('post-item').filter({ hasText: 'winter kettle' }).click();
  await expect(panel.getByTestId('add-customer')).toContainText('hearthandco');
  // The agent writes two paragraphs of their own into a suggestion.
  const suggestion = panel.getByTestId('suggestion').first();
  const text = 'Thank you all for the kind words!\nThe copper kettle is back in stock on Monday.';
  await suggestion.locator('textarea').fill(text);
  await suggestion.getByTestId('insert-reply').click();
  const commentBox = page.locator('[aria-label="Comment as Hearth & Co."]');
  await expect.poll(() => lexicalText(commentBox)).toBe(text);
  expect(await commentBox.locator('p').count()).toBe(text.split('\n').length);
  await expect(page.locator('.reply-box')).toHaveCount(0);
  await panel.close();
  await page.close();
});

test('a Russian group: the member’s numeric id matches, the card and the reply are Russian', async () => {
  const page = await open(GROUP_URL, 4);
  expect(await badgeTexts(page)).toContain('Алиса Андреева · VIP');
  const panel = await openPanel();
  // Another member's comment and the page's own answer (no brand account is set here) are replies in the thread.
  const row = panel.locator('.queue-row').filter({ hasText: 'капучинатора' });
  await expect(row.getByTestId('queue-reasons')).toContainText('others replied in the thread: 2');
  await expect(
    panel.locator('.queue-row').filter({ hasText: 'Спасибо, напишу' }).getByTestId('queue-reasons'),
  ).not.toContainText('replied in the thread');
  await panel.getByTestId('post-item').filter({ hasText: 'капучинатора' }).click();
  await expect(panel.getByTestId('customer-card')).toContainText('Кофемашина Brio');
  const first = panel.getByTestId('suggestion').first();
  const text = await first.locator('textarea').inputValue();
  expect(text).toMatch(/^Алиса/);
  await first.getByTestId('insert-reply').click();
  await expect.poll(() => lexicalText(page.locator('[aria-label="Напишите комментарий…"]'))).toBe(text);
  await panel.close();
  await page.close();
});

test('comments loaded later ("View more comments") and feed posts get badges', async () => {
  // The sponsored post gets no badge.
  const page = await open('https://www.facebook.com/', 3);
  expect(await badgeTexts(page)).toEqual(
    expect.arrayContaining(['Mei Tanaka · Gold', 'Дмитрий Соколов · Regular', 'Tomás Rivera · Regular']),
  );
  await page.evaluate(() => {
    const comments = document.querySelector('.comments')!;
    comments.insertAdjacentHTML(
      'beforeend',
      `<div role="article">
      <a href="/lorena.willis.77?comment_id=700"><span dir="auto">Lorena Willis</span></a>
      <div dir="auto">Mine too!</div>
      <a href="/mei.tanaka/posts/pfbid0MeiShare7kQz2WvX9?comment_id=700">1m</a></div>`,
    );
  });
  await expect.poll(() => badgeTexts(page)).toHaveLength(4);
  expect(await badgeTexts(page)).toContain('Lorena Willis · VIP');
  await page.close();
});

// What the thread costs is held by the budget check (`npm run test:budgets`, 3,000-comment
// threads); this test holds that comments arriving in batches are each counted once and badged once.
test('500 comments arriving in batches of 100 are each counted once and badged once', async () => {
  const page = await open(POST_URL, 6);
  const addBatch = (round: number) =>
    page.evaluate(
      ({ round, postPath }) => {
        const list = document.querySelector('.comments > ul')!;
        const html: string[] = [];
        for (let i = 0; i < 100; i++) {
          const id = `77${round}${String(10000 + i)}`;
          const who = i % 2 ? 'lorena.willis.77' : `someone.${i}`;
          html.push(`<li><div role="article" aria-label="Comment by Name ${i}">
          <a href="/${who}?comment_id=${id}&amp;__cft__[0]=AZ" aria-hidden="true"><svg aria-label="Name ${i}"></svg></a>
          <div><a href="/${who}?comment_id=${id}&amp;__cft__[0]=AZ"><span dir="auto">Name ${i}</span></a>
          <div dir="auto">Comment number ${i} with a <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fa.example">link</a> 🙂</div></div>
          <ul><li><div role="button">Like</div></li><li><div role="button">Reply</div></li><li><a href="${postPath}?comment_id=${id}">1m</a></li></ul>
          </div></li>`);
        }
        list.insertAdjacentHTML('beforeend', html.join(''));
      },
      { round, postPath: POST_PATH },
    );
  await expectBatchesBadgedOnce(h, page, POST_URL, addBatch, 'Lorena Willis · VIP', 506);
  await page.close();
});

test('an unknown commenter whose name matches customers: the agent rejects one and confirms the other; the badge follows', async () => {
  const options = await extensionPage(h, 'options.html');
  const twins =
    'name,email,tier\nJonas Berg,jonas.berg@example.com,gold\nJonas Berg,j.berg@example.com,regular\n';
  await options
    .getByTestId('import-file')
    .setInputFiles({ name: 'twins.csv', mimeType: 'text/csv', buffer: Buffer.from(twins) });
  await options.getByTestId('import-start').click();
  await expect(options.getByTestId('import-report')).toContainText('added: 2,');
  await options.close();

  const page = await open(POST_URL, 6);
  const panel = await openPanel();
  await panel.getByTestId('post-item').filter({ hasText: 'Norway' }).click();
  const candidates = panel.getByTestId('candidate');
  await expect(candidates).toHaveCount(2);
  await expect(candidates.first()).toContainText('100% alike · same name');
  await candidates.filter({ hasText: 'Regular' }).getByTestId('reject-candidate').click();
  await expect(candidates).toHaveCount(1);

  // The rejection is remembered: a fresh panel offers only the other one.
  await panel.reload();
  await panel.getByTestId('post-item').filter({ hasText: 'Norway' }).click();
  await expect(candidates).toHaveCount(1);
  await expect(candidates.first()).toContainText('Gold');
  await candidates.first().getByTestId('confirm-candidate').click();
  await expect(panel.getByTestId('customer-card')).toContainText('jonas.berg@example.com');
  await expect.poll(() => badgeTexts(page)).toContain('Jonas Berg · Gold');
  await panel.close();
  await page.close();
});
