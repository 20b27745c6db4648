import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postKey } from '../post';
import { facebookAdapter } from '../sites/facebook';
import { xAdapter } from '../sites/x';
import type { SiteAdapter } from '../sites/types';
import { judge } from './health';
import { runContent } from './run';

const running: AbortController[] = [];
afterEach(() => running.splice(0).forEach((c) => c.abort()));

/** A saved page's body in this document, changed as a site might change its markup. */
function show(site: string, name: string, change: (html: string) => string = (h) => h): void {
  const html = readFileSync(`lib/sites/${site}/fixtures/${name}`, 'utf8');
  document.body.innerHTML = change(html.replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, ''));
}

/** The content script on this document, run until it has read what it can. */
async function readPage(adapter: SiteAdapter, pageUrl: string, readsSome = true) {
  const controller = new AbortController();
  running.push(controller);
  const app = runContent({
    adapter,
    doc: document,
    pageUrl: () => pageUrl,
    signal: controller.signal,
    labels: { unknown: '?', brand: 'Brand', tier: (t) => t, title: 'Concierge', activity: (a) => a.agent },
    postsSeen: async ({ posts }) => posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null })),
    selectPost: async () => undefined,
  });
  // A page it can read at all is read in a batch or more.
  if (readsSome) await vi.waitFor(() => expect(app.stats().batches).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 50));
  return app;
}

const POST_URL =
  'https://www.facebook.com/hearthandco/posts/pfbid02Lq7hWmz9c3kPZ8yXoRtUv5sN1aB3cD4eF6gH7iJ8kL9mN';

describe('the page-health alarm', () => {
  it('stays quiet on the saved pages as they are', async () => {
    show('x', 'timeline.en.html');
    const x = (await readPage(xAdapter, 'https://x.com/home')).stats().health!;
    expect(x.unreadable).toBe(false);
    expect(x.units).toBeGreaterThanOrEqual(9);
    expect(x.read).toBeGreaterThanOrEqual(9);
    show('facebook', 'page-post.en.html');
    expect((await readPage(facebookAdapter, POST_URL)).stats().health!.unreadable).toBe(false);
  });

  it('sounds when X renames its post element: the rows are there, nothing is read', async () => {
    show('x', 'timeline.en.html', (h) => h.replaceAll('data-testid="tweet"', 'data-testid="post"'));
    const app = await readPage(xAdapter, 'https://x.com/home', false);
    const health = app.stats().health!;
    expect(app.stats().postsSeen).toBe(0);
    expect(health).toMatchObject({ read: 0, unreadable: true });
    expect(health.units).toBeGreaterThanOrEqual(9);
  });

  it('sounds when posts are found but cannot be read (the name block renamed)', async () => {
    show('x', 'timeline.en.html', (h) =>
      h
        .replaceAll('data-testid="User-Name"', 'data-testid="UserName"')
        .replaceAll('UserAvatar-Container-', 'Avatar-'),
    );
    const app = await readPage(xAdapter, 'https://x.com/home');
    expect(app.stats().misses['no-author']).toBeGreaterThanOrEqual(5);
    expect(app.stats().health!.unreadable).toBe(true);
  });

  it('sounds when Facebook comments lose the links that name their authors', async () => {
    show('facebook', 'page-post.en.html', (h) => h.replace(/<a [^>]*href="[^"]*"[^>]*>/g, '<a>'));
    const app = await readPage(facebookAdapter, POST_URL, false);
    expect(app.stats().postsSeen).toBeLessThanOrEqual(1);
    expect(app.stats().health!.unreadable).toBe(true);
  });

  it('judges by shares, not single misses', () => {
    expect(judge(2, 0, 0, 0)).toBe(false); // too few units to say
    expect(judge(10, 1, 1, 0)).toBe(true);
    expect(judge(10, 2, 2, 0)).toBe(false);
    expect(judge(10, 9, 9, 4)).toBe(false); // a few odd units
    expect(judge(10, 9, 4, 5)).toBe(true);
  });
});

describe('the diagnostic for a bug report', () => {
  it('has the structure around what was not read, and no text, names, handles or ids', async () => {
    show('x', 'timeline.en.html', (h) => h.replaceAll('data-testid="tweet"', 'data-testid="post"'));
    const app = await readPage(xAdapter, 'https://x.com/lorenawillis/status/1859000000000000101', false);
    const diagnostic = app.diagnostic('1.2.3');
    expect(diagnostic).toMatchObject({ site: 'x', page: '/*/status/*', extensionVersion: '1.2.3' });
    expect(diagnostic.unread).toHaveLength(3);
    const json = JSON.stringify(diagnostic);
    // What a developer needs: the new test id, the known ones around it, the shape of the links.
    expect(json).toContain('"testId":"post"');
    expect(json).toContain('"testId":"tweetText"');
    expect(json).toContain('"link":"/*/status/*"');
    for (const secret of [
      'Lorena',
      'lorenawillis',
      'Willis',
      '1859000000000000101',
      'microwave',
      'HC-20418',
      'kettle_fan',
    ])
      expect(json).not.toContain(secret);
  });
});
