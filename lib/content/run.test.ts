import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PostMatch } from '../messaging';
import { postKey } from '../post';
import { xAdapter } from '../sites/x';
import { BADGE_ATTR } from './badge';
import { startLab } from './lab';
import type { NearSort } from './near';
import type { ScreenSort } from './on-screen';
import { SLICE_MS, type Lane, type PieceHost } from './pieces';
import { runContent, type ContentApp, type ContentDeps } from './run';

/**
 * Until the first batch is read and answered: a slow first run reads it, and draws its badges,
 * in several tasks (a piece of work gives way after about 4 ms).
 */
const firstBadges = (app: ContentApp) => vi.waitFor(() => expect(app.stats().badgesDrawn).toBeGreaterThan(0));
const labels = {
  unknown: 'Not a customer yet',
  brand: 'Brand',
  tier: (t: string) => t,
  title: 'Concierge',
  activity: (a: { kind: string; agent: string }) => `${a.agent} is ${a.kind}`,
};

// Each test's content script is stopped after it: one left running would badge the next test's posts too.
const running: AbortController[] = [];
afterEach(() => running.splice(0).forEach((c) => c.abort()));
const stoppedAfterTest = () => {
  const controller = new AbortController();
  running.push(controller);
  return controller.signal;
};

/** The timeline page, in this document. */
const timeline = () =>
  (document.body.innerHTML = readFileSync('lib/sites/x/fixtures/timeline.en.html', 'utf8').replace(
    /^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g,
    '',
  ));

/** The worker's answer when every author is a stranger; each answer is also kept in `answered`. */
const strangers =
  (answered: PostMatch[] = []): ContentDeps['postsSeen'] =>
  async ({ posts }) => {
    const answer = posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
    answered.push(...answer);
    return answer;
  };

/** The content script on this document as an X timeline, every author a stranger. */
const runOnX = (deps: Partial<ContentDeps> = {}) =>
  runContent({
    adapter: xAdapter,
    doc: document,
    pageUrl: () => 'https://x.com/home',
    signal: stoppedAfterTest(),
    labels,
    postsSeen: strangers(),
    selectPost: async () => undefined,
    lab: startLab(deps.now ?? (() => performance.now())),
    ...deps,
  });

/** Badges live in closed shadow roots: a test keeps the roots as they are made. */
function keepShadowRoots() {
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  return { roots, spy };
}

/** The timeline badged, every author a stranger: the app, the worker's first two answers, the badges' roots. */
async function badgedTimeline() {
  timeline();
  const shadows = keepShadowRoots();
  const answered: PostMatch[] = [];
  const app = runOnX({ postsSeen: strangers(answered) });
  await firstBadges(app);
  return { ...shadows, app, first: answered[0]!, second: answered[1]! };
}

describe('the content script on a page it finds already badged', () => {
  it('removes the dead badges of an earlier copy, draws its own, and takes them away when stopped', async () => {
    timeline();
    const stale = document.createElement('span');
    stale.setAttribute(BADGE_ATTR, '');
    document.querySelector('article')!.append(stale);
    const controller = new AbortController();
    const sent: string[] = [];
    const app = runOnX({
      signal: controller.signal,
      postsSeen: async ({ posts }) => {
        sent.push(...posts.map(postKey));
        return posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
      },
    });
    expect(stale.isConnected).toBe(false);
    await firstBadges(app);
    const drawn = document.querySelectorAll(`[${BADGE_ATTR}]`).length;
    expect(sent.length).toBeGreaterThan(0);
    expect(drawn).toBe(new Set(sent).size);
    controller.abort();
    expect(document.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(0);
  });

  it('keeps one badge per post however often it is labelled, and draws it again where the site redrew the line', async () => {
    timeline();
    const answered: PostMatch[] = [];
    const app = runOnX({ postsSeen: strangers(answered) });
    await firstBadges(app);
    const count = () => document.querySelectorAll(`[${BADGE_ATTR}]`).length;
    const drawn = count();
    expect(drawn).toBeGreaterThan(0);
    await app.relabel(answered);
    expect(count()).toBe(drawn);
    const first = document.querySelector(`[${BADGE_ATTR}]`)!;
    const line = first.parentElement!;
    first.remove();
    await app.relabel(answered);
    expect(count()).toBe(drawn);
    expect(line.querySelector(`:scope > [${BADGE_ATTR}]`)).not.toBeNull();
  });

  it('names the customer on a badge when the worker relabels its post after customers changed', async () => {
    const { roots, spy, app, first } = await badgedTimeline();
    const texts = () => roots.map((r) => r.querySelector('[role="button"]')?.textContent);
    expect(texts()).not.toContain('Lorena Willis · vip');
    await app.relabel([
      { ...first, customer: { id: 'c1', name: 'Lorena Willis', tier: 'vip' } },
      // A post this page does not show is no business of its badges.
      { key: 'x:1', postId: '1', customer: { id: 'c2', name: 'Nobody Here', tier: 'new' } },
    ]);
    expect(texts().filter((t) => t === 'Lorena Willis · vip')).toHaveLength(1);
    expect(texts()).not.toContain('Nobody Here · new');
    spy.mockRestore();
  });

  it('says on the badge that another agent is replying, and who answered once they have', async () => {
    const { roots, spy, app, first, second } = await badgedTimeline();
    const pills = () => roots.map((r) => r.querySelector('[role="button"]')!);
    await app.relabel([
      { ...first, activity: { kind: 'replying', agent: 'Anna' } },
      { ...second, activity: { kind: 'answered', agent: 'Boris', at: '2026-12-05T06:00:00.000Z' } },
    ]);
    const replying = pills().find((b) => b.textContent === 'Not a customer yet · Anna is replying');
    expect(replying?.className).toContain('replying');
    expect(pills().map((b) => b.textContent)).toContain('Not a customer yet · Boris is answered');
    await app.relabel([{ ...first, activity: undefined }]);
    expect(pills().some((b) => b.textContent?.includes('Anna'))).toBe(false);
    spy.mockRestore();
  });

  it('marks the brand’s own posts "Brand" and draws no badge on an ad, taking back one drawn before', async () => {
    const { roots, spy, app, first, second } = await badgedTimeline();
    const hosts = () => document.querySelectorAll('[data-concierge-badge]').length;
    const before = hosts();
    await app.relabel([
      { ...first, own: 'brand' },
      { ...second, own: 'ad' },
    ]);
    expect(roots.map((r) => r.querySelector('[role="button"]')?.textContent)).toContain('Brand');
    expect(hosts()).toBe(before - 1);
    spy.mockRestore();
  });

  it('selects the post of a badge the user clicks, and leaves a click a page script made to the page', async () => {
    timeline();
    const selected: string[] = [];
    const app = runOnX({ selectPost: async (key) => void selected.push(key) });
    await firstBadges(app);
    const badges = document.querySelectorAll<HTMLElement>(`[${BADGE_ATTR}]`);
    // The post's own handler, which would open the post.
    const opened: EventTarget[] = [];
    badges[1]!.parentElement!.addEventListener('click', (event) => void opened.push(event.target!));
    const click = (target: Element, trusted: boolean) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      // The test environment makes no trusted events: the user's click is stood in for.
      if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
      target.dispatchEvent(event);
      return event;
    };
    const scripted = click(badges[1]!, false);
    expect(scripted.defaultPrevented).toBe(false);
    expect(selected).toEqual([]);
    const user = click(badges[1]!, true);
    expect(user.defaultPrevented).toBe(true);
    expect(selected).toHaveLength(1);
    expect(selected[0]).toContain('x:');
    expect(opened).toEqual([badges[1]]);
    // A click elsewhere in the post is the page's.
    expect(click(badges[1]!.parentElement!, true).defaultPrevented).toBe(false);
    expect(selected).toHaveLength(1);
    expect(opened).toEqual([badges[1], badges[1]!.parentElement]);
  });

  it('selects the post of a focused badge on Enter or Space, and leaves other keys to the page', async () => {
    timeline();
    const selected: string[] = [];
    const app = runOnX({ selectPost: async (key) => void selected.push(key) });
    await firstBadges(app);
    const badge = document.querySelector<HTMLElement>(`[${BADGE_ATTR}]`)!;
    const press = (key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      badge.dispatchEvent(event);
      return event;
    };
    expect(press('j').defaultPrevented).toBe(false);
    expect(selected).toEqual([]);
    // Space would scroll the page as well: it is kept from doing so.
    expect(press(' ').defaultPrevented).toBe(true);
    expect(press('Enter').defaultPrevented).toBe(true);
    expect(selected).toHaveLength(2);
  });

  it('cuts a long badge with an ellipsis, and keeps it focusable as a button', async () => {
    const { roots, spy, app, first } = await badgedTimeline();
    const long = 'Анастасия-Александра Константинопольская-Виноградова-Преображенская';
    await app.relabel([{ ...first, customer: { id: 'c1', name: long, tier: 'vip' } }]);
    const pill = roots
      .map((r) => r.querySelector<HTMLElement>('[role="button"]')!)
      .find((p) => p.textContent!.startsWith('Анастасия'))!;
    expect(pill.textContent).toHaveLength(60);
    expect(pill.textContent!.endsWith('…')).toBe(true);
    expect(pill.tabIndex).toBe(0);
    expect(pill.title).toBe('Concierge');
    // Every badge has a pill of its own.
    expect(new Set(roots.map((r) => r.querySelector('[role="button"]'))).size).toBe(roots.length);
    spy.mockRestore();
  });
});

describe('the content script on a long day of scrolling', () => {
  const row = (i: number) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    const id = String(1870000000000000000n + BigInt(i));
    cell.innerHTML = `<article data-testid="tweet"><div data-testid="User-Name"><div><a href="/user_${i}"><span>Name ${i}</span></a></div><div><a href="/user_${i}" tabindex="-1">@user_${i}</a><a href="/user_${i}/status/${id}"><time datetime="2026-11-21T20:00:00.000Z">now</time></a></div></div><div data-testid="tweetText" lang="en">Post ${i}</div></article>`;
    return cell;
  };

  it('lets go of posts that left the page, still counting each post once and badging what is shown', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const app = runOnX();
    // 1,500 posts through a window of 50 rows, as a timeline drops the rows scrolled past.
    let held = 0;
    for (let batch = 0; batch < 30; batch++) {
      for (let i = 0; i < 50; i++) list.append(row(batch * 50 + i));
      while (list.children.length > 50) list.firstElementChild!.remove();
      await vi.waitFor(() => expect(app.stats().postsSeen).toBe((batch + 1) * 50));
      held = Math.max(held, app.stats().lab!.postsHeld);
    }
    expect(held).toBeLessThanOrEqual(1050);
    await vi.waitFor(() => expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(50));
    // A post scrolled back into view is the same post: badged again, not counted again.
    list.prepend(row(3));
    await vi.waitFor(() => expect(list.firstElementChild!.querySelector(`[${BADGE_ATTR}]`)).not.toBeNull());
    expect(app.stats().postsSeen).toBe(1500);
  }, 30_000);

  /** A page whose tasks and frames run when the test says, on a clock the test moves. */
  const fakePage = () => {
    const page = {
      clock: 0,
      input: false,
      tasks: [] as { lane: Lane; run: () => void }[],
      frames: [] as (() => void)[],
    };
    const host: PieceHost = {
      now: () => page.clock,
      inputPending: () => page.input,
      post: (lane, run) => void page.tasks.push({ lane, run }),
      frame: (run) => void page.frames.push(run),
    };
    /**
     * Runs tasks of the lanes given, then the frame, until nothing is left; the observer's records
     * and the worker's answers come in between (a macrotask each time).
     */
    const settle = async (lanes: Lane[] = ['visible', 'idle']) => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 0));
        const at = page.tasks.findIndex((t) => lanes.includes(t.lane));
        if (at >= 0) page.tasks.splice(at, 1)[0]!.run();
        else if (page.frames.length) page.frames.splice(0).forEach((run) => run());
        else return;
      }
    };
    return { page, host, settle };
  };

  it('reads in pieces of the slice and one post at most, and asks about a frame’s posts in few messages', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    // A slow machine: every post takes 1.5 ms to read on this clock.
    const adapter = {
      ...xAdapter,
      parse: (el: Element, url: string) => ((page.clock += 1.5), xAdapter.parse(el, url)),
    };
    const messages: number[] = [];
    const app = runOnX({
      adapter,
      host,
      now: () => page.clock,
      postsSeen: async ({ posts }) => {
        messages.push(posts.length);
        return posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
      },
    });
    for (let i = 0; i < 40; i++) list.append(row(i));
    await settle();
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(40);
    // Read in one frame: as few messages as the cap on a message allows.
    expect(messages).toEqual([40]);
    const { postsSeen, lab } = app.stats();
    expect(postsSeen).toBe(40);
    // Three posts to a piece (4.5 ms), then the piece gives way: fourteen of them.
    expect(lab!.slicedBatches).toBe(13);
    expect(Math.max(...lab!.pieces.map((p) => p.ms))).toBeLessThanOrEqual(SLICE_MS + 1.5);
  });

  it('sends one message to a piece: the browser copies it after the piece, where its clock does not see', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    // Each task the page runs is numbered; a message says in which task it was sent.
    let task = 0;
    const post = host.post;
    host.post = (lane, run) => post(lane, () => (task++, run()));
    const sentIn: number[] = [];
    runOnX({
      host,
      now: () => page.clock,
      postsSeen: async ({ posts }) => {
        sentIn.push(task);
        return posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
      },
    });
    for (let i = 0; i < 120; i++) list.append(row(i));
    await settle();
    // 120 posts read in one frame: three messages, each in a task of its own.
    expect(sentIn).toHaveLength(3);
    expect(new Set(sentIn).size).toBe(3);
  });

  it('gives way after one post while the reader’s input waits', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    let read = 0;
    const adapter = { ...xAdapter, parse: (el: Element, url: string) => (read++, xAdapter.parse(el, url)) };
    runOnX({ adapter, host, now: () => page.clock });
    for (let i = 0; i < 5; i++) list.append(row(i));
    page.input = true;
    // The observer's own piece looks at the rows and hands them over, a unit at a time.
    for (let i = 0; i < 100 && read === 0; i++) {
      await new Promise((r) => setTimeout(r, 0));
      page.tasks.shift()?.run();
    }
    expect(read).toBe(1);
    page.tasks.shift()?.run();
    expect(read).toBe(2);
    page.input = false;
    await settle();
    expect(read).toBe(5);
  });

  it('reads the posts on screen first, and those below the fold in idle time', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    // The first five rows are on screen.
    const onScreen: ScreenSort = (place) => (els) => {
      const shown = els.filter((el) => Number(el.querySelector('span')?.textContent?.split(' ')[1]) < 5);
      place(shown, 'visible');
      place(
        els.filter((el) => !shown.includes(el)),
        'far',
      );
    };
    const asked: string[] = [];
    const app = runOnX({
      host,
      onScreen,
      now: () => page.clock,
      postsSeen: async ({ posts }) => {
        asked.push(...posts.map((p) => p.author.handle ?? ''));
        return posts.map((p) => ({ key: postKey(p), postId: p.id, customer: null }));
      },
    });
    for (let i = 0; i < 20; i++) list.append(row(i));
    await settle(['visible']);
    expect(asked).toEqual(['user_0', 'user_1', 'user_2', 'user_3', 'user_4']);
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(5);
    await settle();
    expect(app.stats().postsSeen).toBe(20);
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(20);
  });

  it('reads every post found far from the screen, and badges it once it comes near', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    // Five rows on screen, three near it (read in idle time, badged with their answer), twelve far.
    const onScreen: ScreenSort = (place) => (els) => {
      place(els.slice(0, 5), 'visible');
      place(els.slice(5, 8), 'near');
      place(els.slice(8), 'far');
    };
    // The test says when held rows come near, as scrolling would.
    const held: Element[] = [];
    let letGo: (elements: Element[]) => void = () => undefined;
    const near: NearSort = (onNear) => {
      letGo = onNear;
      return { hold: (el) => void held.push(el), recheck: () => undefined };
    };
    const app = runOnX({ host, onScreen, near, now: () => page.clock });
    for (let i = 0; i < 20; i++) list.append(row(i));
    await settle();
    expect(app.stats().postsSeen).toBe(20);
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(8);
    expect(held.map((el) => el.closest('#list > *'))).toEqual([...list.children].slice(8));

    letGo(held.slice(0, 3));
    await settle();
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(11);
    letGo(held.slice(3));
    await settle();
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(20);
    expect(app.stats().badgesDrawn).toBe(20);
  });

  it('draws the badges of an answer too long for one task in pieces of their own', async () => {
    document.body.innerHTML = '<main role="main"><div id="list"></div></main>';
    const list = document.getElementById('list')!;
    const { page, host, settle } = fakePage();
    // A slow machine: every badge takes 5 ms to place on this clock.
    const adapter = {
      ...xAdapter,
      badgeAnchor: (el: Element) => ((page.clock += 5), xAdapter.badgeAnchor(el)),
    };
    const app = runOnX({ adapter, host, now: () => page.clock });
    for (let i = 0; i < 40; i++) list.append(row(i));
    await settle();
    expect(list.querySelectorAll(`[${BADGE_ATTR}]`)).toHaveLength(40);
    const { badgesDrawn, lab } = app.stats();
    expect(badgesDrawn).toBe(40);
    expect(lab!.slicedBatches).toBe(0);
    // One badge to a piece: each is past the slice on its own.
    expect(lab!.slicedDraws).toBe(39);
    expect(Math.max(...lab!.pieces.map((p) => p.ms))).toBeLessThanOrEqual(5);
  });
});
