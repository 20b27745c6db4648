import { describe, expect, it } from 'vitest';
import { fixturePage } from '../fixture-page';
import { siteOfUrl } from '../lookup';
import { parseXPosts } from './parse';

const page = (name: string): Document => fixturePage('x', name);

describe('X adapter: home timeline (English UI)', () => {
  const doc = page('timeline.en.html');
  const url = 'https://x.com/home';
  const report = parseXPosts(doc, url);
  const byId = new Map(report.posts.map((p) => [p.id, p]));

  it('finds the 9 posts and counts the 2 misses', () => {
    expect(report.posts).toHaveLength(9);
    expect(report.misses).toEqual({ 'no-id': 1, unavailable: 1 });
  });

  it('reads a plain post: author, permalink, time, emoji and full link text', () => {
    expect(byId.get('1859000000000000101')).toEqual({
      site: 'x',
      id: '1859000000000000101',
      url: 'https://x.com/lorenawillis/status/1859000000000000101',
      kind: 'post',
      author: {
        handle: 'lorenawillis',
        displayName: 'Lorena Willis🌿',
        profileUrl: 'https://x.com/lorenawillis',
      },
      text: 'My microwave from @hearthandco stopped heating after two weeks 😡 order details: https://hearthandco.example/orders/HC-20418 #fail',
      createdAt: '2026-11-21T08:30:00.000Z',
      lang: 'en',
    });
  });

  it('gives a repost to its original author and names the reposter', () => {
    const post = byId.get('1859000000000000102');
    expect(post?.author.handle).toBe('alisa_andreeva');
    expect(post?.author.displayName).toBe('Алиса Андреева');
    expect(post?.repostedBy).toEqual({ handle: 'tomas_rivera' });
    expect(post?.lang).toBe('ru');
  });

  it('marks pinned, promoted and truncated posts', () => {
    expect(byId.get('1850000000000000001')?.pinned).toBe(true);
    expect(byId.get('1850000000000000001')?.repostedBy).toBeUndefined();
    expect(byId.get('1859000000000000105')?.promoted).toBe(true);
    expect(byId.get('1859000000000000107')?.truncated).toBe(true);
    expect(byId.get('1859000000000000101')?.promoted).toBeUndefined();
  });

  it('keeps a quoted post apart from the outer author', () => {
    const post = byId.get('1859000000000000104');
    expect(post?.author.handle).toBe('meitanaka_');
    expect(post?.text).toBe('Is this one any good? Thinking of buying it for the new flat.');
    expect(post?.quoted).toEqual({
      handle: 'kettle_fan',
      displayName: 'Kettle Fan',
      text: 'The Hearth stone kettle boils in 90 seconds and looks great.',
    });
    expect(report.posts.some((p) => p.author.handle === 'kettle_fan')).toBe(false);
  });

  it('reads the "Replying to" line as the reply target', () => {
    const post = byId.get('1859000000000000108');
    expect(post?.kind).toBe('reply');
    expect(post?.inReplyTo).toEqual({ handle: 'hearthandco' });
  });

  it('removes zero-width noise and keeps markup-looking text as text', () => {
    const post = byId.get('1859000000000000112');
    expect(post?.author.displayName).toBe('Tomás Rivera');
    expect(post?.text).toBe('Where is my parcel? <img src=x onerror=alert(1)>');
    expect(post?.url).toBe('https://x.com/tomas_rivera/status/1859000000000000112');
  });

  it('takes the handle from the avatar when the name block is missing, and drops "und"', () => {
    const post = byId.get('1859000000000000113');
    expect(post?.author).toEqual({
      handle: 'grace_obi',
      displayName: 'grace_obi',
      profileUrl: 'https://x.com/grace_obi',
    });
    expect(post?.text).toBe('👍👍');
    expect(post?.lang).toBeUndefined();
  });

  it('matches the snapshot of everything parsed', () => {
    expect(report).toMatchSnapshot();
  });
});

describe('X adapter: a post’s own page (Russian UI)', () => {
  const doc = page('conversation.ru.html');
  const url = 'https://x.com/alisa_andreeva/status/1859000000000000201';
  const posts = parseXPosts(doc, url).posts;
  const byId = new Map(posts.map((p) => [p.id, p]));

  it('finds the ancestor, the focused post and three replies', () => {
    expect(posts.map((p) => p.id)).toEqual([
      '1859000000000000200',
      '1859000000000000201',
      '1859000000000000202',
      '1859000000000000203',
      '1859000000000000204',
    ]);
  });

  it('reads the focused post with its time below the text', () => {
    expect(byId.get('1859000000000000201')).toMatchObject({
      kind: 'reply',
      author: { handle: 'alisa_andreeva', displayName: 'Алиса Андреева' },
      text: 'Заказ HC-7781 так и не пришёл, жду уже десять дней 😢',
      createdAt: '2026-11-20T07:40:00.000Z',
      inReplyTo: { handle: 'hearthandco' },
    });
  });

  it('links replies below the focused post to it', () => {
    for (const id of ['1859000000000000202', '1859000000000000203', '1859000000000000204']) {
      expect(byId.get(id)?.inReplyTo).toEqual({ id: '1859000000000000201', handle: 'alisa_andreeva' });
    }
    expect(byId.get('1859000000000000200')?.kind).toBe('post');
  });

  it('reads a localised repost context structurally', () => {
    expect(byId.get('1859000000000000204')?.repostedBy).toEqual({ handle: 'meitanaka_' });
  });

  it('finds the same posts when handed only the new rows', () => {
    const rows = [...doc.querySelectorAll('[data-testid="cellInnerDiv"]')].slice(3);
    const fromRows = rows.flatMap((row) => parseXPosts(row, url).posts);
    expect(fromRows.map((p) => p.id)).toEqual([
      '1859000000000000202',
      '1859000000000000203',
      '1859000000000000204',
    ]);
    expect(fromRows.every((p) => p.inReplyTo?.id === '1859000000000000201')).toBe(true);
  });

  it('matches the snapshot of everything parsed', () => {
    expect(posts).toMatchSnapshot();
  });
});

describe('X adapter: profile page and hosts', () => {
  const doc = page('profile.en.html');

  it('finds the pinned post, an own post and a reply', () => {
    const posts = parseXPosts(doc, 'https://x.com/meitanaka_').posts;
    expect(posts.map((p) => [p.id, p.kind, p.pinned ?? false])).toEqual([
      ['1840000000000000001', 'post', true],
      ['1859000000000000301', 'post', false],
      ['1859000000000000302', 'reply', false],
    ]);
  });

  it('builds links on the page’s own origin for twitter.com and mobile.x.com', () => {
    expect(parseXPosts(doc, 'https://twitter.com/meitanaka_').posts[0]?.url).toBe(
      'https://twitter.com/meitanaka_/status/1840000000000000001',
    );
    expect(parseXPosts(doc, 'https://mobile.x.com/meitanaka_').posts[0]?.author.profileUrl).toBe(
      'https://mobile.x.com/meitanaka_',
    );
  });

  it('runs on X hosts only', () => {
    expect(siteOfUrl('https://mobile.twitter.com/meitanaka_')).toBe('x');
    expect(siteOfUrl('https://example.com/meitanaka_')).toBeNull();
    expect(siteOfUrl('https://x.com.evil.example/')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
  });
});

describe('X adapter: broken markup', () => {
  it('skips and counts an article without author or id, and never throws', () => {
    const doc = new DOMParser().parseFromString(
      `<article data-testid="tweet"><div data-testid="tweetText">orphan text</div></article>
       <article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">Someone</a></div></article>
       <article data-testid="tweet"><div data-testid="User-Name"><a href="javascript:alert(1)">x</a></div>
         <a href="/a/status/notanumber"><time datetime="nope"></time></a></article>`,
      'text/html',
    );
    const report = parseXPosts(doc, 'https://x.com/home');
    expect(report.posts).toEqual([]);
    expect(report.misses).toEqual({ 'no-author': 2, 'no-id': 1 });
  });
});

describe('X adapter: Articles and quote boxes', () => {
  const report = parseXPosts(page('article.en.html'), 'https://x.com/home');
  const byId = new Map(report.posts.map((p) => [p.id, p]));

  it('reads an Article’s title and body as its text, leaving the post embedded in it out', () => {
    expect(report.misses).toEqual({});
    expect(report.posts.map((p) => p.id)).toEqual([
      '1861000000000000201',
      '1861000000000000202',
      '1861000000000000203',
    ]);
    const article = byId.get('1861000000000000201');
    expect(article?.author.handle).toBe('maya_okafor');
    expect(article?.text).toBe(
      'Six months with the Hearth stone kettle\n\nThe lid cracked in week three and support never answered.\nI would still buy it again.',
    );
  });

  it('takes a quoted post’s id only from a link of the quoted author', () => {
    // The quote's text links to someone else's post, and the quote has no permalink of its own.
    expect(byId.get('1861000000000000202')?.quoted).toEqual({
      handle: 'kettle_fan',
      displayName: 'Kettle Fan',
      text: 'As this post says, check the lid.',
    });
    // The quoted author's own permalink (handle in another case) wins over a link before it.
    expect(byId.get('1861000000000000203')?.quoted?.id).toBe('1860000000000000150');
  });
});
