import { describe, expect, it, vi } from 'vitest';
import { ageOf } from './age';
import { fixtureHtml, fixturePage } from '../fixture-page';
import { siteOfUrl } from '../lookup';
import { facebookKey, parseFacebookPosts } from './parse';

const page = (name: string): Document => fixturePage('facebook', name);
const POST_ID = 'pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';
const POST_URL = `https://www.facebook.com/hearthandco/posts/${POST_ID}`;
// Comments show their age ("22h"): the page is read at a fixed time, so their times are known.
const SEEN = Date.parse('2026-11-22T12:00:00.000Z');
vi.useFakeTimers({ toFake: ['Date'], now: SEEN });

describe('Facebook adapter: a page post with comments and replies (older markup, English UI)', () => {
  const report = parseFacebookPosts(page('page-post.en.html'), POST_URL);
  const byId = new Map(report.posts.map((p) => [p.id, p]));

  it('finds the post, 3 comments and 2 replies, and counts the comment drawn without an author', () => {
    expect(report.posts.map((p) => p.kind)).toEqual([
      'post',
      'comment',
      'reply',
      'reply',
      'comment',
      'comment',
    ]);
    expect(report.misses).toEqual({ 'no-author': 1 });
    expect(report).toMatchSnapshot();
  });

  it('names the post by the page URL when it does not link to itself, with its full "See more" text', () => {
    expect(byId.get(POST_ID)).toEqual({
      site: 'facebook',
      id: POST_ID,
      url: POST_URL,
      kind: 'post',
      author: {
        handle: 'hearthandco',
        displayName: 'Hearth & Co.',
        profileUrl: 'https://www.facebook.com/hearthandco',
      },
      text: 'Our winter kettle collection is here! Stone, copper and enamel, each with a two-year warranty. Free delivery this week on orders over $50.',
      createdAt: '2026-11-20T06:40:00.000Z',
      truncated: true,
    });
  });

  it('reads a comment: vanity name without tracking, emoji, noise removed, outbound link unwrapped', () => {
    expect(byId.get('998877665511')).toEqual({
      site: 'facebook',
      id: '998877665511',
      url: `${POST_URL}?comment_id=998877665511`,
      kind: 'comment',
      author: {
        handle: 'lorena.willis.77',
        displayName: 'Lorena Willis',
        profileUrl: 'https://www.facebook.com/lorena.willis.77',
      },
      text: 'Mine arrived with a cracked lid 😞 photo here: https://photos.example/lid-123',
      inReplyTo: { id: POST_ID },
      // "1d" when the page was seen.
      createdAt: '2026-11-21T12:00:00.000Z',
    });
  });

  it('nests replies by structure: each names the comment it answers and its author', () => {
    expect(byId.get('998877665522')).toMatchObject({
      kind: 'reply',
      author: { handle: 'hearthandco' },
      inReplyTo: { id: '998877665511', handle: 'lorena.willis.77' },
    });
    // Depth two, with a base64 comment id ("comment:<post>_<comment>").
    expect(byId.get('998877665566')).toMatchObject({
      kind: 'reply',
      url: `${POST_URL}?comment_id=998877665511&reply_comment_id=998877665566`,
      author: { handle: 'lorena.willis.77' },
      text: "Done, it's HC-20418. Thanks!",
      inReplyTo: { id: '998877665522', handle: 'hearthandco' },
    });
  });

  it('reads numeric profiles from profile.php and /people/ links as ids', () => {
    expect(byId.get('998877665533')?.author).toEqual({
      handle: '',
      id: '100012345678901',
      displayName: 'Jonas Berg',
      profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
    });
    expect(byId.get('998877665544')?.author).toMatchObject({
      handle: '',
      id: '100023456789012',
      displayName: 'Tomás Rivera',
    });
    expect(byId.get('998877665544')?.truncated).toBe(true);
  });

  it('never gives a comment without an author link to the post’s author, nor takes the comment box for a comment', () => {
    expect(report.posts.some((p) => p.text.includes('perfect for a year'))).toBe(false);
    expect(report.posts.filter((p) => p.author.handle === 'hearthandco').map((p) => p.id)).toEqual([
      POST_ID,
      '998877665522',
    ]);
  });

  it('reads the same ids on web.facebook.com and m.facebook.com, with that origin in the links', () => {
    for (const host of ['web.facebook.com', 'm.facebook.com']) {
      const posts = parseFacebookPosts(
        page('page-post.en.html'),
        `https://${host}/hearthandco/posts/${POST_ID}`,
      ).posts;
      expect(posts.map((p) => p.id)).toEqual(report.posts.map((p) => p.id));
      expect(posts[0]?.url).toBe(`https://${host}/hearthandco/posts/${POST_ID}`);
    }
  });
});

describe('Facebook adapter: news feed (newer markup: posts found by their menu)', () => {
  const report = parseFacebookPosts(page('feed.en.html'), 'https://www.facebook.com/');
  const byId = new Map(report.posts.map((p) => [p.id, p]));

  it('finds 3 posts and 1 comment, and counts the post drawn without an author', () => {
    expect(report.posts.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'post:pfbid0MeiShare7kQz2WvX9',
      'comment:556677889900',
      'post:4455667788',
      'post:pfbid0TomasKettle2Yq',
    ]);
    expect(report.misses).toEqual({ 'no-author': 1 });
    expect(report).toMatchSnapshot();
  });

  it('keeps a shared post apart from the sharer', () => {
    expect(byId.get('pfbid0MeiShare7kQz2WvX9')).toMatchObject({
      author: { handle: 'mei.tanaka', displayName: 'Mei Tanaka' },
      text: 'Look what I found for the new flat 🫖',
      quoted: {
        id: 'pfbid0HearthTeapot3Lm8',
        handle: 'hearthandco',
        displayName: 'Hearth & Co.',
        text: 'Meet the cast-iron teapot: keeps tea hot for an hour.',
      },
    });
  });

  it('marks the sponsored post, and only it', () => {
    expect(byId.get('4455667788')).toMatchObject({
      promoted: true,
      url: 'https://www.facebook.com/permalink.php?story_fbid=4455667788&id=100000000000555',
    });
    expect(report.posts.filter((p) => p.promoted)).toHaveLength(1);
  });

  it('reads text blocks without a story message: noise removed, the wrapped link unwrapped, the time', () => {
    expect(byId.get('pfbid0TomasKettle2Yq')).toMatchObject({
      author: { id: '100023456789012', displayName: 'Tomás Rivera' },
      text: 'Still waiting for my kettles — order tracking: https://track.example/parcel/HC-21102?ref=fb help',
      createdAt: '2026-11-21T15:05:00.000Z',
    });
  });

  it('gives a comment in the newer markup to its post', () => {
    expect(byId.get('556677889900')).toMatchObject({
      kind: 'comment',
      author: { handle: 'd.sokolov', displayName: 'Дмитрий Соколов' },
      url: 'https://www.facebook.com/mei.tanaka/posts/pfbid0MeiShare7kQz2WvX9?comment_id=556677889900',
      inReplyTo: { id: 'pfbid0MeiShare7kQz2WvX9' },
    });
  });
});

describe('Facebook adapter: a group in Russian', () => {
  const report = parseFacebookPosts(page('group.ru.html'), 'https://www.facebook.com/groups/kitchenlovers/');

  it('finds the post, 2 comments and a reply by structure, whatever the labels say', () => {
    expect(report.posts.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'post:1234567890123456',
      'comment:2211',
      'reply:2233',
      'comment:2244',
    ]);
    expect(report.misses).toEqual({});
    expect(report).toMatchSnapshot();
  });

  it('reads group member links as ids and never takes the group for the author', () => {
    expect(report.posts[0]?.author).toEqual({
      handle: '',
      id: '100004567890123',
      displayName: 'Алиса Андреева',
      profileUrl: 'https://www.facebook.com/groups/kitchenlovers/user/100004567890123/',
    });
    expect(report.posts[2]?.inReplyTo).toEqual({ id: '2211' });
  });
});

describe('Facebook adapter: other UI languages', () => {
  const relabel = (name: string, labels: Record<string, string>): Document => {
    let html = fixtureHtml('facebook', name);
    for (const [en, other] of Object.entries(labels)) html = html.replaceAll(en, other);
    return new DOMParser().parseFromString(html, 'text/html');
  };
  const summary = (doc: Document, url: string) => {
    const report = parseFacebookPosts(doc, url);
    return {
      items: report.posts.map((p) => [p.kind, p.id, p.author.handle || p.author.id, p.text]),
      misses: report.misses,
    };
  };

  it('reads the newer feed in German and Vietnamese as in English (the post menu label is in its table)', () => {
    const english = summary(page('feed.en.html'), 'https://www.facebook.com/');
    const german = {
      'Actions for this post': 'Aktionen für diesen Beitrag',
      'Comment by': 'Kommentar von',
      '>Like<': '>Gefällt mir<',
      '>Reply<': '>Antworten<',
      '>Comment<': '>Kommentieren<',
    };
    const vietnamese = {
      'Actions for this post': 'Hành động với bài viết này',
      'Comment by': 'Bình luận của',
      '>Like<': '>Thích<',
      '>Reply<': '>Trả lời<',
      '>Comment<': '>Bình luận<',
    };
    expect(summary(relabel('feed.en.html', german), 'https://www.facebook.com/')).toEqual(english);
    expect(summary(relabel('feed.en.html', vietnamese), 'https://www.facebook.com/')).toEqual(english);
  });

  it('reads the older markup by structure alone, in a language it has no words for', () => {
    const english = summary(page('page-post.en.html'), POST_URL);
    const japanese = {
      'Actions for this post': 'この投稿に対するアクション',
      'Comment by': 'コメント:',
      'Reply by': '返信:',
      '>Like<': '>いいね！<',
      '>Reply<': '>返信する<',
      'See more': 'もっと見る',
    };
    expect(summary(relabel('page-post.en.html', japanese), POST_URL)).toEqual(english);
  });
});

describe('Facebook adapter: one element at a time, as the content script hands them over', () => {
  it('parses a single comment or post element as that one item, not its replies', () => {
    const doc = page('page-post.en.html');
    const comment = doc.querySelector('[aria-label^="Comment by Lorena"]')!;
    expect(parseFacebookPosts(comment, POST_URL).posts.map((p) => p.id)).toEqual(['998877665511']);
    const menu = page('feed.en.html').querySelector('[aria-label^="Actions for this post by"]')!;
    expect(parseFacebookPosts(menu, 'https://www.facebook.com/').posts.map((p) => p.id)).toEqual([
      'pfbid0MeiShare7kQz2WvX9',
    ]);
  });

  it('keys an element by what it shows, so a recycled row is read again', () => {
    const doc = page('page-post.en.html');
    const comment = doc.querySelector('[aria-label^="Comment by Jonas"]')!;
    const before = facebookKey(comment);
    expect(before).toContain('comment_id=998877665533');
    comment
      .querySelectorAll('a')
      .forEach((a) =>
        a.setAttribute('href', a.getAttribute('href')!.replace('998877665533', '998877669999')),
      );
    expect(facebookKey(comment)).not.toBe(before);
  });

  it('chooses the adapter by host and ignores other sites', () => {
    expect(siteOfUrl('https://web.facebook.com/')).toBe('facebook');
    expect(siteOfUrl('https://m.facebook.com/story.php?story_fbid=1&id=2')).toBe('facebook');
    expect(siteOfUrl('https://facebook.com.evil.example/')).toBeNull();
  });

  it('skips half-drawn markup without throwing', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="article"></div><div role="article"><a href="javascript:alert(1)">x</a></div><div aria-label="Actions for this post"></div>',
      'text/html',
    );
    expect(() => parseFacebookPosts(doc, 'https://www.facebook.com/')).not.toThrow();
    expect(parseFacebookPosts(doc, 'https://www.facebook.com/').posts).toEqual([]);
  });
});

describe('Facebook adapter: comment times from the age the page shows', () => {
  it('reads ages in English and Russian, and nothing else', () => {
    expect(ageOf('22h')).toBe(22 * 3_600_000);
    expect(ageOf('1d')).toBe(86_400_000);
    expect(ageOf('3w')).toBe(21 * 86_400_000);
    expect(ageOf('5m')).toBe(300_000);
    expect(ageOf('22 ч')).toBe(22 * 3_600_000);
    expect(ageOf('3 дн.')).toBe(3 * 86_400_000);
    expect(ageOf('1 нед.')).toBe(7 * 86_400_000);
    expect(ageOf('Just now')).toBe(0);
    for (const other of ['Reply', 'Like', '22', 'November 3', 'Jonas', '5 apples'])
      expect(ageOf(other)).toBeNull();
  });

  it('gives a comment marked "22h" the time 22 hours before the page was seen', () => {
    const report = parseFacebookPosts(page('page-post.en.html'), POST_URL);
    expect(report.posts.find((p) => p.id === '998877665533')?.createdAt).toBe('2026-11-21T14:00:00.000Z');
  });
});
