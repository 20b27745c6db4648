/**
 * Pages that misbehave: 10,000 posts added in one task, one node inside a post changed thousands
 * of times a second, and a timeline scrolled for a long time. Each is run with the extension and,
 * where the page's own latency is measured, again without it, in the same sitting.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Harness } from '../e2e/support/extension';
import { pageStats } from '../e2e/support/session';
import type { LabStats } from '../lib/content/lab';
import { clickFigure, extensionRss, plainBrowser, route, tasksHolding, type Sample, type Span } from './page';

const X_HOME = 'https://x.com/home';

type Window = {
  __addBatch: (n: number) => void;
  __flood: (n: number) => void;
  __churn: (ms: number, perSecond: number) => Promise<number>;
  __long: Span[];
  __clicks: number[];
};

async function labOf(h: Harness): Promise<LabStats & { postsSeen: number }> {
  const { lab, postsSeen } = await pageStats(h, X_HOME);
  if (!lab)
    throw new Error('The content script keeps no timings: the benchmark needs the CONCIERGE_BENCH build.');
  return { ...lab, postsSeen };
}

/** The page's own tasks and clicks since it loaded. */
const pageRecord = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Window;
    return { longTasks: w.__long, clicks: w.__clicks };
  });

/** Clicks on the page's own button, `n` of them `gapMs` apart. */
async function clickAlong(page: Page, n: number, gapMs: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await page.click('#like');
    await page.waitForTimeout(gapMs);
  }
}

/**
 * Tasks over 50 ms (loosened k times) holding a piece of the content script's work; the page
 * observer's callback, which the DOM runs at the end of the page's own task, is not a piece.
 */
const holding = (run: { longTasks: Span[]; pieces: Span[] }, k: number) =>
  tasksHolding(
    run.longTasks,
    run.pieces.filter((p) => !p.observer),
    50 * k,
  ).length;

async function fresh(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(X_HOME);
  await page.waitForTimeout(300);
  return page;
}

/**
 * Rounds of the flood, each with the extension and then without it: ten clicks of one round
 * gave medians from +0.2 to +7.5 ms over the page alone on the same code, and five rounds from
 * +5.5 to +13.5 ms in CI. Rounds are either quick or slow as a whole (bench/summary.md), so the
 * pooled median moves with the share of slow ones; eight make that share steadier.
 */
const FLOOD_ROUNDS = 8;

/** 10,000 posts in one task; the reader clicks while they are read; every one must be read. */
async function flood(h: Harness, plain: BrowserContext, posts: number): Promise<Sample[]> {
  const run = async (page: Page, lab: boolean) => {
    const before = lab ? await labOf(h) : null;
    const start = Date.now();
    await page.evaluate((n) => (window as unknown as Window).__flood(n), posts);
    await clickAlong(page, 10, 100);
    let read = 0;
    let readMs = 0;
    if (before) {
      // Below the fold, posts wait for idle time: the wait is bounded, and its end is reported.
      while (Date.now() - start < 120_000) {
        read = (await labOf(h)).postsSeen - before.postsSeen;
        readMs = Date.now() - start;
        if (read >= posts) break;
        await page.waitForTimeout(100);
      }
    }
    const pieces = before ? (await labOf(h)).pieces : [];
    const record = { ...(await pageRecord(page)), read, readMs, pieces };
    // The stats are asked of the tab at this address: one such tab at a time.
    await page.close();
    return record;
  };
  type Run = Awaited<ReturnType<typeof run>>;
  const rounds: { withExt: Run; without: Run }[] = [];
  for (let round = 0; round < FLOOD_ROUNDS; round++)
    rounds.push({
      withExt: await run(await fresh(h.context), true),
      without: await run(await fresh(plain), false),
    });
  const held = (k: number) => rounds.reduce((sum, r) => sum + holding(r.withExt, k), 0);
  const longest = (side: 'withExt' | 'without') =>
    rounds.map((r) => Math.max(0, ...r[side].longTasks.map((t) => t.ms)).toFixed(0)).join(' / ');
  const read = Math.min(...rounds.map((r) => r.withExt.read));
  const readS = rounds.map((r) => (r.withExt.readMs / 1000).toFixed(1)).join(' / ');
  return [
    {
      name: `bad input: ${posts.toLocaleString('en')} posts at once, posts read`,
      samples: [read],
      unit: 'posts',
      note: `the fewest of ${FLOOD_ROUNDS} rounds; all read ${readS} s after they came`,
      budget: { text: `all ${posts.toLocaleString('en')}`, ok: (m) => m >= posts },
    },
    {
      name: `bad input: ${posts.toLocaleString('en')} posts at once, tasks over 50 ms holding the extension's work`,
      samples: [held(1)],
      unit: 'tasks',
      note: `in ${FLOOD_ROUNDS} rounds; the longest task with the extension ${longest('withExt')} ms, without it ${longest('without')} ms (the page's own task adding them)`,
      budget: { text: 'none', ok: (_m, _p95, k) => held(k) === 0 },
    },
    // Not held in the CI subset yet: on two cores the worker's matching and recording of the
    // 10,000 posts takes about one core from the page while it is clicked, +5.5 to +13.5 ms over
    // the page alone on the same code against CI's +10 (bench/summary.md). Full runs hold it.
    clickFigure(
      `bad input: ${posts.toLocaleString('en')} posts at once`,
      rounds.flatMap((r) => r.withExt.clicks),
      rounds.flatMap((r) => r.without.clicks),
      false,
    ),
  ];
}

/** One node inside a post changed `perSecond` times a second for `seconds`, while the reader clicks. */
async function churn(
  h: Harness,
  plain: BrowserContext,
  perSecond: number,
  seconds: number,
): Promise<Sample[]> {
  const run = async (page: Page, lab: boolean) => {
    await page.evaluate(() => (window as unknown as Window).__addBatch(50));
    await page.waitForTimeout(1000);
    const before = lab ? await labOf(h) : null;
    const changing = page.evaluate(([ms, rate]) => (window as unknown as Window).__churn(ms, rate), [
      seconds * 1000,
      perSecond,
    ] as const);
    await clickAlong(page, Math.floor(seconds * 4), 250);
    const changes = await changing;
    const after = lab ? await labOf(h) : null;
    const record = {
      ...(await pageRecord(page)),
      changes,
      busyMs: before && after ? after.busyMs - before.busyMs : 0,
      pieces: after?.pieces ?? [],
    };
    await page.close();
    return record;
  };
  const withExt = await run(await fresh(h.context), true);
  const without = await run(await fresh(plain), false);
  const held = (k: number) => holding(withExt, k);
  const perSecondMs = withExt.busyMs / seconds;
  const label = `a node changed ${perSecond.toLocaleString('en')} times a second`;
  return [
    {
      name: `bad input: ${label}, extension main-thread time per second`,
      samples: [perSecondMs],
      unit: 'ms',
      note: `${withExt.changes.toLocaleString('en')} changes in ${seconds} s, each record looked at (a post is keyed at most 5 times a second)`,
    },
    {
      name: `bad input: ${label}, tasks over 50 ms holding the extension's work`,
      samples: [held(1)],
      unit: 'tasks',
      budget: { text: 'none', ok: (_m, _p95, k) => held(k) === 0 },
    },
    clickFigure(`bad input: ${label}`, withExt.clicks, without.clicks, true),
  ];
}

/** Memory now, after a full collection: the X page's heap (the content script's world included). */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/**
 * A timeline scrolled for `minutes`: 20 posts a second arrive (the page keeps a window of 600, as X
 * does), and memory is read each minute. Flat means the last reading within 5 MB of the first
 * minute's, for the page's heap and for the extension's process.
 */
async function soak(h: Harness, minutes: number): Promise<Sample[]> {
  const page = await fresh(h.context);
  const before = await labOf(h);
  const heaps: number[] = [];
  const processes: number[] = [];
  const held: number[] = [];
  const end = Date.now() + minutes * 60_000;
  let nextReading = Date.now() + 60_000;
  while (Date.now() < end) {
    await page.evaluate(() => (window as unknown as Window).__addBatch(10));
    await page.waitForTimeout(500);
    if (Date.now() < nextReading) continue;
    nextReading += 60_000;
    heaps.push(await heapMb(page));
    processes.push(Math.max(...extensionRss(h.profileDir)));
    held.push((await labOf(h)).postsHeld);
  }
  const after = await labOf(h);
  await page.close();
  const growth = (v: number[]) => (v.at(-1) ?? 0) - (v[0] ?? 0);
  const seen = after.postsSeen - before.postsSeen;
  return [
    {
      name: `bad input: ${minutes} min of scrolling, growth of the page's heap after the first minute`,
      samples: [growth(heaps)],
      unit: 'MB',
      note: `${seen.toLocaleString('en')} posts read; by minute ${heaps.map((m) => m.toFixed(1)).join(' / ')} MB; posts the content script holds ${held.join(' / ')}`,
      budget: { text: '<= 5 MB', ok: (m, _p95, k) => m <= 5 * k },
    },
    {
      name: `bad input: ${minutes} min of scrolling, growth of the extension process after the first minute`,
      samples: [growth(processes)],
      unit: 'MB',
      note: `resident by minute ${processes.map((m) => m.toFixed(0)).join(' / ')} MB`,
      budget: { text: '<= 5 MB', ok: (m, _p95, k) => m <= 5 * k },
    },
  ];
}

/** Every bad-input scenario; `soakMinutes` 0 leaves the long scroll out. */
export async function badInputBench(h: Harness, soakMinutes: number): Promise<Sample[]> {
  await route(h.context);
  const plain = await plainBrowser();
  try {
    return [
      ...(await flood(h, plain, 10_000)),
      ...(await churn(h, plain, 5000, 5)),
      ...(soakMinutes ? await soak(h, soakMinutes) : []),
    ];
  } finally {
    await plain.close();
  }
}
