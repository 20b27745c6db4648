/**
 * What the pages feel: the cost of Concierge on a long, growing X timeline and Facebook thread
 * (main-thread time, long tasks, the page's own interaction latency, each next to the same page
 * without the extension), the time from a post appearing to its badge (service worker warm and
 * stopped), the side panel's first card and its responsiveness during an import, bundle sizes
 * and the extension's memory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM, extensionPage, type Harness } from '../e2e/support/extension';
import { pageStats } from '../e2e/support/session';
import { renderingDuring, traceFirstLongTask } from './trace';

export interface Sample {
  name: string;
  samples: number[];
  unit: string;
  /** Whether the figure meets its budget loosened by `margin` (1: the budget itself). */
  budget?: { text: string; ok: (median: number, p95: number, margin: number) => boolean };
  note?: string;
}

const X_ORIGIN = 'https://x.com';
const FB_ORIGIN = 'https://www.facebook.com';
const POST_PATH = '/hearthandco/posts/pfbid0BenchThread';

/** An empty timeline or thread; the page script adds posts in batches and measures its own clicks. */
function pageHtml(site: 'x' | 'facebook', busy = false): string {
  const post =
    site === 'x'
      ? `(i) => { const handle = i % 3 ? 'lorenawillis' : 'user_' + i; const c = document.createElement('div'); c.setAttribute('data-testid', 'cellInnerDiv');
        c.innerHTML = '<article data-testid="tweet" tabindex="0"><div data-testid="User-Name"><div><a href="/' + handle + '"><span>Name ' + i + '</span></a></div><div><a href="/' + handle + '" tabindex="-1">@' + handle + '</a><a href="/' + handle + '/status/' + (1870000000000000000n + BigInt(i)) + '"><time datetime="2026-11-21T20:00:00.000Z">now</time></a></div></div><div data-testid="tweetText" lang="en">Post ' + i + ' about my <a href="https://t.co/x">order</a> 🙂</div></article>';
        return c; }`
      : `(i) => { const who = i % 3 ? 'lorena.willis.77' : 'someone.' + i; const c = document.createElement('div'); const id = 880000000 + i;
        c.innerHTML = '<div role="article" aria-label="Comment by Name ' + i + '"><a href="/' + who + '?comment_id=' + id + '" aria-hidden="true"><svg aria-label="Name ' + i + '"></svg></a><div><a href="/' + who + '?comment_id=' + id + '"><span dir="auto">Name ' + i + '</span></a><div dir="auto">Comment ' + i + ' with a <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fa.example">link</a></div></div><ul><li><div role="button">Like</div></li><li><div role="button">Reply</div></li><li><a href="${POST_PATH}?comment_id=' + id + '">1m</a></li></ul></div>';
        return c; }`;
  const container =
    site === 'x'
      ? '<main role="main"><div aria-label="Timeline: Your Home Timeline" id="list"></div></main>'
      : `<div role="main"><div role="article"><h2><strong><a href="/hearthandco">Hearth &amp; Co.</a></strong></h2><div aria-label="Actions for this post" role="button"></div><div data-ad-rendering-role="story_message"><div dir="auto">Winter sale</div></div><div id="list"></div></div></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<button id="like" style="position:fixed;top:8px;right:8px;z-index:9">Like</button>${container}
<script>
window.__long = []; window.__clicks = [];
new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__long.push({ at: e.startTime, ms: e.duration }); if (e.duration > 50) window.__conciergeLongTask?.(); })).observe({ type: 'longtask' });
const makePost = ${post};
let count = 0;
const commit = (n) => { const list = document.getElementById('list'); const f = document.createDocumentFragment();
  for (let k = 0; k < n; k++) f.appendChild(makePost(count++)); list.appendChild(f);
  // Like X and Facebook, keep a window of rows: old ones leave the DOM.
  while (list.children.length > 600) list.firstElementChild.remove();
  window.scrollTo(0, document.body.scrollHeight); };
// The busy page behaves like X while scrolling: its own framework commits rows in tasks of
// 35-45 ms each, a quarter of a batch at a time, one task after another.
window.__addBatch = ${busy} ? (n) => { let left = n; const step = () => { const start = performance.now();
    const spend = 35 + Math.random() * 10; const k = Math.min(left, Math.ceil(n / 4)); left -= k; commit(k);
    while (performance.now() - start < spend) {} if (left > 0) setTimeout(step, 0); }; step(); } : commit;
document.getElementById('like').addEventListener('click', (e) => { const start = e.timeStamp;
  let x = 0; for (let k = 0; k < 2e5; k++) x += k % 7; document.getElementById('like').textContent = 'Liked ' + x % 10;
  requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - start), 0)); });
// Bad input: a flood of posts in one task, all kept; and one node inside the first post changed
// at a steady rate (like a live counter), for a while, resolving with the number of changes.
window.__flood = (n) => { const list = document.getElementById('list'); const f = document.createDocumentFragment();
  for (let k = 0; k < n; k++) f.appendChild(makePost(count++)); list.appendChild(f); };
window.__churn = (ms, perSecond) => new Promise((resolve) => { const live = document.createElement('span');
  document.getElementById('list').firstElementChild.firstElementChild.appendChild(live);
  const start = performance.now(); let done = 0;
  const tick = setInterval(() => { const now = performance.now();
    const due = Math.floor(((Math.min(now, start + ms) - start) * perSecond) / 1000);
    while (done < due) live.textContent = String(++done);
    if (now >= start + ms) { clearInterval(tick); resolve(done); } }, 4); });
window.__badgeWait = (n) => new Promise((resolve) => { const start = performance.now(); window.__addBatch(n);
  const last = document.getElementById('list').lastElementChild;
  const done = () => { if (last.querySelector('[data-concierge-badge]')) { obs.disconnect(); resolve(performance.now() - start); return true; } return false; };
  const obs = new MutationObserver(done); obs.observe(last, { childList: true, subtree: true }); done(); });
</script></body></html>`;
}

export async function route(context: BrowserContext): Promise<void> {
  await context.route('**/*', (r) => {
    const url = new URL(r.request().url());
    if (url.protocol === 'chrome-extension:') return r.continue();
    if (url.origin === X_ORIGIN && url.pathname === '/home')
      return r.fulfill({ contentType: 'text/html', body: pageHtml('x', url.searchParams.has('busy')) });
    if (url.origin === FB_ORIGIN && url.pathname === POST_PATH)
      return r.fulfill({ contentType: 'text/html', body: pageHtml('facebook') });
    return r.abort('blockedbyclient');
  });
}

/** The same Chromium without the extension: the baseline of every page figure. */
export async function plainBrowser(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await route(context);
  return context;
}

/** A task or a piece of work: when it began on the page's clock, and how long it took. */
export interface Span {
  at: number;
  ms: number;
  /** The MutationObserver's callback, which the DOM runs at the end of the page's own task. */
  observer?: true;
}

interface PageRun {
  longTasks: Span[];
  clicks: number[];
  busyPer100?: number;
  /** Where that time went, per 100 posts: the parts the content script's lab keeps. */
  partsPer100?: Record<Part, number>;
  /** Posts read, and badges drawn: those of posts never near the screen wait (lib/content/near.ts). */
  read?: { posts: number; badges: number };
  /** The content script's longest piece of work in the run: was a long task ours? */
  slowestMs?: number;
  /** The content script's pieces of work in the run. */
  pieces?: Span[];
  /** Under --trace: what the first task over 50 ms was, when there was one. */
  traced?: string | null;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

/** The lab's parts of the content script's time, with the words the report uses for them. */
const PARTS = {
  lookMs: 'looking at what changed',
  parseMs: 'reading posts',
  badgeMs: 'drawing badges',
  sendMs: 'messages',
  screenMs: 'sorting on and off screen',
} as const;
type Part = keyof typeof PARTS;

type Stats = {
  busyMs: number;
  postsSeen: number;
  badgesDrawn: number;
  slowestBatchMs: number;
  pieces: Span[];
} & Record<Part, number>;

/** "of which: looking at what changed 1.6, reading posts 3.4, …": the medians of runs' parts. */
export function partsNote(runs: readonly (Record<Part, number> | undefined)[]): string {
  const kept = runs.filter((run) => !!run);
  if (!kept.length) return '';
  const parts = (Object.keys(PARTS) as Part[]).map(
    (part) => `${PARTS[part]} ${median(kept.map((run) => run[part])).toFixed(1)}`,
  );
  return `of which, in ms per 100 posts (medians of the runs): ${parts.join(', ')}`;
}

/**
 * 3,000 posts arriving 100 at a time while the reader scrolls and clicks the page's own button.
 * With `trace`, the page is traced and the first task over 50 ms stops the trace and is described.
 */
async function growPage(
  page: Page,
  url: string,
  total: number,
  slowdown: number,
  stats?: () => Promise<Stats>,
  trace = false,
): Promise<PageRun> {
  const tracing = trace ? await traceFirstLongTask(page) : null;
  // A slow laptop: the DevTools protocol slows this page's CPU (content scripts run in it too).
  if (slowdown > 1)
    await (
      await page.context().newCDPSession(page)
    ).send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await page.goto(url);
  await page.waitForTimeout(300);
  const before = stats ? await stats() : null;
  for (let i = 0; i < total / 100; i++) {
    await page.evaluate(() => (window as unknown as { __addBatch: (n: number) => void }).__addBatch(100));
    await page.waitForTimeout(120);
    await page.click('#like');
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(800);
  const run: PageRun = await page.evaluate(() => ({
    longTasks: (window as unknown as { __long: Span[] }).__long,
    clicks: (window as unknown as { __clicks: number[] }).__clicks,
  }));
  if (tracing) run.traced = (await tracing.finish()).described;
  if (stats && before) {
    const after = await stats();
    const per100 = (ms: number) => (ms / Math.max(1, after.postsSeen - before.postsSeen)) * 100;
    return {
      ...run,
      pieces: after.pieces,
      slowestMs: after.slowestBatchMs,
      busyPer100: per100(after.busyMs - before.busyMs),
      read: {
        posts: after.postsSeen - before.postsSeen,
        badges: after.badgesDrawn - before.badgesDrawn,
      },
      partsPer100: Object.fromEntries(
        (Object.keys(PARTS) as Part[]).map((part) => [part, per100(after[part] - before[part])]),
      ) as Record<Part, number>,
    };
  }
  return run;
}

/** The tasks over `limitMs` that held a piece of the content script's work. */
export function tasksHolding(tasks: readonly Span[], pieces: readonly Span[], limitMs = 50): Span[] {
  return tasks.filter((t) => t.ms > limitMs && pieces.some((p) => p.at < t.at + t.ms && p.at + p.ms > t.at));
}

/** A difference with its sign: +0.4, −1.3. */
const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${Math.abs(ms).toFixed(1)}`;

/**
 * The page's click to its next frame, against the same page without the extension: within +2 ms,
 * a budget the CI subset holds only where `heldInCi`.
 */
export function clickFigure(label: string, clicks: number[], without: number[], heldInCi: boolean): Sample {
  const delta = median(clicks) - median(without);
  return {
    name: `${label}, the page's click to next frame`,
    samples: clicks,
    unit: 'ms',
    note: `without the extension ${median(without).toFixed(1)} ms (${signed(delta)} ms)`,
    budget: {
      text: heldInCi ? 'within +2 ms' : 'within +2 ms (not held in CI yet)',
      ok: (_m, _p95, k) => (!heldInCi && k > 1) || delta <= 2 * k,
    },
  };
}

/**
 * Each page quiet, slowed 4× and busy, with the extension and without. `trace` traces every page
 * run and prints what its first task over 50 ms was, with the extension and without.
 */
export async function pageBench(h: Harness, runs: number, total: number, trace = false): Promise<Sample[]> {
  await route(h.context);
  const plain = await plainBrowser();
  const out: Sample[] = [];
  // The slowed and busy pages take longer a run: fewer runs of them. Two at least: one run's
  // 30 clicks, slowed 4x, measured X from -1.3 to +11.4 ms over the page alone on the same code.
  const fewer = Math.max(2, runs - 2);
  const scenarios = [
    { label: 'X timeline', url: `${X_ORIGIN}/home`, slowdown: 1, runs, perPost: true },
    { label: 'Facebook thread', url: `${FB_ORIGIN}${POST_PATH}`, slowdown: 1, runs, perPost: true },
    { label: 'X timeline, CPU 4x slower', url: `${X_ORIGIN}/home`, slowdown: 4, runs: fewer, perPost: false },
    {
      label: 'Facebook thread, CPU 4x slower',
      url: `${FB_ORIGIN}${POST_PATH}`,
      slowdown: 4,
      runs: fewer,
      perPost: false,
    },
    { label: 'busy X timeline', url: `${X_ORIGIN}/home?busy`, slowdown: 1, runs: fewer, perPost: true },
  ];
  try {
    for (const { label, url, slowdown, runs: times, perPost } of scenarios) {
      const busy: number[] = [];
      const extLong: number[] = [];
      const plainLong: number[] = [];
      const extClicks: number[] = [];
      const plainClicks: number[] = [];
      const slowest: number[] = [];
      const ours: { longTasks: Span[]; pieces: Span[] }[] = [];
      const parts: PageRun['partsPer100'][] = [];
      const read: string[] = [];
      for (let run = 0; run < times; run++) {
        const page = await h.context.newPage();
        const stats = async (): Promise<Stats> => {
          const { lab, postsSeen, badgesDrawn } = await pageStats(h, url);
          if (!lab)
            throw new Error(
              'The content script keeps no timings: the benchmark needs the CONCIERGE_BENCH build.',
            );
          return { ...lab, postsSeen, badgesDrawn };
        };
        const withExt = await growPage(page, url, total, slowdown, stats, trace);
        await page.close();
        const base = await plain.newPage();
        const without = await growPage(base, url, total, slowdown, undefined, trace);
        await base.close();
        if (withExt.traced) console.log(`  ${label} run ${run + 1}, with the extension: ${withExt.traced}`);
        if (without.traced) console.log(`  ${label} run ${run + 1}, without it: ${without.traced}`);
        busy.push(withExt.busyPer100 ?? 0);
        parts.push(withExt.partsPer100);
        if (withExt.read) read.push(`${withExt.read.badges}/${withExt.read.posts}`);
        slowest.push(withExt.slowestMs ?? 0);
        const longest = (tasks: Span[]) => tasks.reduce((a, b) => Math.max(a, b.ms), 0);
        extLong.push(longest(withExt.longTasks));
        plainLong.push(longest(without.longTasks));
        ours.push({ longTasks: withExt.longTasks, pieces: withExt.pieces ?? [] });
        extClicks.push(...withExt.clicks);
        plainClicks.push(...without.clicks);
      }
      // Tasks over 50 ms (loosened k times) that held a piece of the extension's own work.
      const holding = (k: number, observer: boolean) =>
        ours.map(
          (run) =>
            tasksHolding(
              run.longTasks,
              run.pieces.filter((p) => !!p.observer === observer),
              50 * k,
            ).length,
        );
      const held = holding(1, false);
      const callbacks = holding(1, true);
      out.push({
        name: `page: ${label}, extension main-thread time per 100 posts`,
        samples: busy,
        unit: 'ms',
        note: `${partsNote(parts)}; badges drawn of posts read, by run: ${read.join(' / ')}`,
        ...(perPost && {
          // Issue 27's goal is 3 ms, not met yet (bench/summary.md); the budget held is the earlier one.
          budget: { text: '<= 10 ms', ok: (m: number, _p95: number, k: number) => m <= 10 * k },
        }),
      });
      out.push({
        name: `page: ${label}, tasks over 50 ms holding the extension's work`,
        samples: held,
        unit: 'tasks',
        note: `by run; the longest task with the extension ${extLong.map((ms) => ms.toFixed(0)).join(' / ')} ms, without it ${plainLong.map((ms) => ms.toFixed(0)).join(' / ')} ms; the content script's longest piece ${slowest.map((ms) => ms.toFixed(1)).join(' / ')} ms; tasks over 50 ms holding only the page observer's callback (the DOM runs it at the end of the page's own task) ${callbacks.join(' / ')}`,
        budget: {
          text: 'none',
          ok: (_m, _p95, k) => holding(k, false).every((n) => n === 0),
        },
      });
      // Slowed 4x, X's clicks measured -2.8 to +4.0 ms over the page alone (once +11.4, one run)
      // and are held in the CI subset too; Facebook's measured +3.5 to +10.7 ms, at the edge of
      // CI's margin: full runs hold it, the CI subset not yet.
      const heldInCi = slowdown === 1 || url.startsWith(X_ORIGIN);
      out.push(clickFigure(`page: ${label}`, extClicks, plainClicks, heldInCi));
    }

    // The page's own rendering that the extension's badges cost it: traced (which slows the
    // page), so in runs of their own, and only in full runs.
    if (runs > 1) {
      const rendered = async (context: BrowserContext, url: string) => {
        const page = await context.newPage();
        const ms = await renderingDuring(page, () => growPage(page, url, total, 1));
        await page.close();
        return ms;
      };
      for (const { label, url } of scenarios.filter((s) => s.slowdown === 1 && s.runs === runs)) {
        const caused: number[] = [];
        const sides: string[] = [];
        for (let run = 0; run < Math.min(3, runs); run++) {
          const withExt = await rendered(h.context, url);
          const without = await rendered(plain, url);
          caused.push(((withExt - without) / total) * 100);
          sides.push(`${withExt.toFixed(0)} / ${without.toFixed(0)}`);
        }
        out.push({
          name: `page: ${label}, the page's rendering the extension caused, per 100 posts`,
          samples: caused,
          unit: 'ms',
          note: `style, layout, compositing inputs, pre-paint, paint and commit on the page's main thread over ${total} posts, with the extension / without it, by run: ${sides.join(', ')} ms; not counted in the main-thread time above`,
        });
      }
    }

    // Post to badge, the service worker warm, then stopped before each post.
    const page = await h.context.newPage();
    await page.goto(`${X_ORIGIN}/home`);
    await page.evaluate(() => (window as unknown as { __addBatch: (n: number) => void }).__addBatch(20));
    await page.waitForTimeout(500);
    const wait = () =>
      page.evaluate(() =>
        (window as unknown as { __badgeWait: (n: number) => Promise<number> }).__badgeWait(1),
      );
    const warm: number[] = [];
    for (let i = 0; i < (runs >= 5 ? 30 : 10); i++) warm.push(await wait());
    const cdp = await h.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    for (let i = 0; i < (runs >= 5 ? 15 : runs >= 2 ? 6 : 3); i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      cold.push(await wait());
    }
    out.push({
      name: 'badge: post on the page to its badge, worker warm',
      samples: warm,
      unit: 'ms',
      budget: { text: 'p95 <= 100 ms', ok: (_m, p95, k) => p95 <= 100 * k },
    });
    out.push({
      name: 'badge: post on the page to its badge, worker stopped',
      samples: cold,
      unit: 'ms',
      budget: { text: 'p95 <= 100 ms', ok: (_m, p95, k) => p95 <= 100 * k },
    });
    await page.close();
  } finally {
    await plain.close();
  }
  return out;
}

/** The side panel: time from choosing a post to its customer card, idle and during an import. */
export async function panelBench(h: Harness, importFile: string | null): Promise<Sample[]> {
  const page = await h.context.newPage();
  await page.goto(`${X_ORIGIN}/home`);
  await page.evaluate(() => (window as unknown as { __addBatch: (n: number) => void }).__addBatch(30));
  await page.waitForTimeout(800);
  const panel = await extensionPage(h, 'sidepanel.html');
  await panel.getByTestId('post-item').first().waitFor();
  const cardTimes = async (n: number, on: Page = panel) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      times.push(
        await on.evaluate(async (index) => {
          const items = [...document.querySelectorAll<HTMLElement>('[data-testid="post-item"]')];
          const known = items.filter((b) => !b.textContent?.includes('Not a customer'));
          const target = known[index % known.length]!;
          const start = performance.now();
          target.click();
          // No named helpers in here: the bundler would wrap them in a function the page lacks.
          while (!(
            document.querySelector('[data-testid="post-detail"] [data-testid="customer-card"]') &&
            target.getAttribute('aria-selected') === 'true'
          )) {
            // A changed panel must fail the run, not spin until CI's clock runs out.
            if (performance.now() - start > 10_000)
              throw new Error('no customer card 10 s after choosing a post');
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return performance.now() - start;
        }, i),
      );
    }
    return times;
  };
  const idle = await cardTimes(20);
  const out: Sample[] = [{ name: 'panel: choose a post to its customer card', samples: idle, unit: 'ms' }];
  if (importFile) {
    const options = await extensionPage(h, 'options.html');
    options.on('dialog', (d) => void d.accept());
    await options.getByTestId('import-file').setInputFiles(importFile);
    await options.getByTestId('import-mapping').waitFor();
    await options.getByTestId('import-start').click();
    await options.getByTestId('import-report').filter({ hasText: 'of about' }).waitFor({ timeout: 120_000 });
    // The side panel stays in view while the options page imports (a hidden page's frames are throttled).
    await panel.bringToFront();
    const busy = await cardTimes(20);
    out.push({
      name: 'panel: choose a post to its customer card, during an import',
      samples: busy,
      unit: 'ms',
      note: `idle ${median(idle).toFixed(1)} ms`,
    });
    await options
      .getByTestId('import-report')
      .filter({ hasText: 'Imported —' })
      .waitFor({ timeout: 30 * 60_000 });
    await options.close();
  }
  await panel.close();
  // A new panel over the customers just imported, the timeline still open beside it.
  if (importFile) out.push(...(await panelMemory(h, cardTimes)));
  await page.close();
  return out;
}

/**
 * What the side panel costs in memory over the whole customer base an import just wrote: the
 * extension process's resident memory while a new panel opens and shows customers' cards, less
 * what it held before the panel opened (the worker alone), and the panel's own JavaScript heap.
 */
async function panelMemory(
  h: Harness,
  cardTimes: (n: number, panel: Page) => Promise<number[]>,
): Promise<Sample[]> {
  // Let the closed pages' memory go before the baseline is read.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const before = Math.max(...extensionRss(h.profileDir));
  const { result: heapMb, peakMb } = await peakMemoryDuring(h.profileDir, async () => {
    const panel = await extensionPage(h, 'sidepanel.html');
    await panel.getByTestId('post-item').first().waitFor();
    await cardTimes(20, panel);
    const cdp = await h.context.newCDPSession(panel);
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    await panel.close();
    return heap.totalSize / 2 ** 20;
  });
  const added = peakMb - before;
  return [
    {
      name: 'panel: memory it adds over the imported customers',
      samples: [added],
      unit: 'MB',
      note: `resident ${before.toFixed(0)} MB before it opened, ${peakMb.toFixed(0)} MB at most while open; its JavaScript heap ${heapMb.toFixed(1)} MB`,
      budget: { text: '< 100 MB', ok: (m, _p95, k) => m < 100 * k },
    },
  ];
}

/** Gzipped size of each entrypoint: its own file and the chunks its page loads. */
export function bundleSizes(dir: string): { name: string; bytes: number }[] {
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length;
  const sizes: { name: string; bytes: number }[] = [];
  for (const file of readdirSync(join(dir, 'content-scripts')))
    sizes.push({ name: `content-scripts/${file}`, bytes: gz(join('content-scripts', file)) });
  sizes.push({ name: 'background.js', bytes: gz('background.js') });
  for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(dir, html), 'utf8');
    const scripts = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)]
      .map((m) => m[1]!)
      .filter((f) => statSync(join(dir, f), { throwIfNoEntry: false }));
    sizes.push({ name: html, bytes: scripts.reduce((sum, f) => sum + gz(f), 0) });
  }
  return sizes;
}

/**
 * The extension's own processes (Linux): Chromium renderers started for the extension by the
 * browser whose profile is `profileDir`. Another browser's (a benchmark run beside this one) are
 * not counted.
 */
function extensionPids(profileDir: string): string[] {
  const cmdline = (pid: string) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  const parent = (pid: string) =>
    /^\d+ \(.*\) \S (\d+)/s.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
  // A renderer is the zygote's child, the zygote the browser's: the browser names the profile.
  const ofThisBrowser = (pid: string) => {
    for (let p: string | undefined = parent(pid), up = 0; p && p !== '1' && up < 4; p = parent(p), up++)
      if (cmdline(p).includes(`--user-data-dir=${profileDir}`)) return true;
    return false;
  };
  return readdirSync('/proc').filter((pid) => {
    try {
      const cmd = /^\d+$/.test(pid) ? cmdline(pid) : '';
      return cmd.includes('chromium') && cmd.includes('--extension-process') && ofThisBrowser(pid);
    } catch {
      return false; // the process ended while being read
    }
  });
}

/** A process's memory in MB: resident, and its private part (what Chrome's task manager shows). */
function memoryOf(pid: string): { rss: number; private: number } | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return { rss: kb('Rss') / 1024, private: (kb('Private_Clean') + kb('Private_Dirty')) / 1024 };
  } catch {
    return null;
  }
}

/** Resident memory of each of the extension's own processes now (Linux), in MB. */
export function extensionRss(profileDir: string): number[] {
  return extensionPids(profileDir).flatMap((pid) => memoryOf(pid)?.rss ?? []);
}

/**
 * The peak memory of the extension's process while `work` runs, sampled every 250 ms: resident
 * (the shared pages of Chromium's own code included, some 125 MB) and private. Chromium resets
 * the kernel's own peak (VmHWM) as it runs, which read at the end under-reported.
 */
export async function peakMemoryDuring<T>(
  profileDir: string,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number; privatePeakMb: number }> {
  let peakMb = 0;
  let privatePeakMb = 0;
  const sample = () => {
    for (const pid of extensionPids(profileDir)) {
      const memory = memoryOf(pid);
      peakMb = Math.max(peakMb, memory?.rss ?? 0);
      privatePeakMb = Math.max(privatePeakMb, memory?.private ?? 0);
    }
  };
  const timer = setInterval(sample, 250);
  try {
    const result = await work();
    sample();
    return { result, peakMb, privatePeakMb };
  } finally {
    clearInterval(timer);
  }
}
