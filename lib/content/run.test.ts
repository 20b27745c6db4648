import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postKey } from '../model';
import { xAdapter } from '../sites/x';
import { BADGE_ATTR } from './badge';
import { runContent } from './run';

const tick = () => new Promise((r) => setTimeout(r, 20));
const labels = { unknown: 'Not a customer yet', tier: (t: string) => t, title: 'Concierge' };

describe('the content script on a page it finds already badged', () => {
  it('removes the dead badges of an earlier copy, draws its own, and takes them away when stopped', async () => {
    document.body.innerHTML = readFileSync('lib/sites/x/fixtures/timeline.en.html', 'utf8').replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const stale = document.createElement('span');
    stale.setAttribute(BADGE_ATTR, '');
    document.querySelector('article')!.append(stale);
    const controller = new AbortController();
    const sent: string[] = [];
    runContent({
      adapter: xAdapter,
      doc: document,
      pageUrl: () => 'https://x.com/home',
      signal: controller.signal,
      labels,
      postsSeen: async ({ posts }) => {
        sent.push(...posts.map(postKey));
        return posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
      },
      selectPost: async () => undefined,
      writeReply: async () => ({ ok: true }),
    });
    expect(stale.isConnected).toBe(false);
    await tick();
    const drawn = document.querySelectorAll(`[${BADGE_ATTR}]`).length;
    expect(sent.length).toBeGreaterThan(0);
    expect(drawn).toBe(new Set(sent).size);
    controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
  });

  it('keeps one badge per post however often it is answered, and draws it again where the site redrew the line', async () => {
    document.body.innerHTML = readFileSync('lib/sites/x/fixtures/timeline.en.html', 'utf8').replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const app = runContent({
      adapter: xAdapter,
      doc: document,
      pageUrl: () => 'https://x.com/home',
      signal: new AbortController().signal,
      labels,
      postsSeen: async ({ posts }) => posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null })),
      selectPost: async () => undefined,
      writeReply: async () => ({ ok: true }),
    });
    await tick();
    const count = () => document.querySelectorAll(`[${BADGE_ATTR}]`).length;
    const drawn = count();
    expect(drawn).toBeGreaterThan(0);
    await app.rematch();
    expect(count()).toBe(drawn);
    const first = document.querySelector(`[${BADGE_ATTR}]`)!;
    const line = first.parentElement!;
    first.remove();
    await app.rematch();
    expect(count()).toBe(drawn);
    expect(line.querySelector(`:scope > [${BADGE_ATTR}]`)).not.toBeNull();
  });
});
