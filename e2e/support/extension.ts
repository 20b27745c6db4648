import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from '@playwright/test';
import { fixtureScript } from './pages';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The browser's profile, removed on close: where the benchmark reads what its database did. */
  profileDir: string;
  /** Requests that reached no route: anything the extension or a page tried to send out. */
  unexpected: string[];
  /** Serves `html` for every page of a site host; other paths of the fixture are scripts. */
  serve: (origin: string, pages: Record<string, string>) => Promise<void>;
  close: () => Promise<void>;
}

/** Chromium with the built extension; every host is closed unless a test serves it. */
export async function launch(
  options: {
    headless?: boolean;
    locale?: string;
    extensionDir?: string;
    colorScheme?: 'light' | 'dark';
    /** Origins let through to the real network: a team server on loopback, in the team's tests. */
    passThrough?: readonly string[];
    /** null: pages take the window's size (a headed demo, where the side panel shares the window). */
    viewport?: { width: number; height: number } | null;
  } = {},
): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profileDir = mkdtempSync(join(tmpdir(), 'concierge-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport === undefined ? { width: 1200, height: 900 } : options.viewport,
    // The extension's UI language is the browser's, which Chromium takes from LANGUAGE on Linux.
    ...(options.locale && { env: { ...process.env, LANGUAGE: options.locale } }),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      `--lang=${options.locale ?? 'en-US'}`,
      ...(options.viewport === null ? ['--window-size=1500,950'] : []),
    ],
  });
  const unexpected: string[] = [];
  const served = new Set<string>();
  await context.route('**/*', (route, request: Request) => {
    const url = request.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    if (options.passThrough?.includes(new URL(url).origin)) return route.continue();
    if (!served.has(new URL(url).origin)) unexpected.push(`${request.method()} ${url}`);
    return route.abort('blockedbyclient');
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    profileDir,
    unexpected,
    async serve(origin, pages) {
      served.add(origin);
      await context.route(`${origin}/**`, async (route) => {
        const url = new URL(route.request().url());
        const script = fixtureScript(url.pathname);
        if (script) return route.fulfill({ contentType: 'text/javascript', body: await script });
        const page = pages[url.pathname];
        if (page !== undefined) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page });
        // Images, icons and the like of the saved pages: answered empty, not sent anywhere.
        return route.fulfill({ status: 404, body: '' });
      });
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export async function extensionPage(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

/**
 * Scrolls the page through, a screen at a time, as a reader looking over it, then back: posts
 * found far from the screen get their badges as they come near (lib/content/near.ts).
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A frame, then the tasks it queued: the content script looks after each frame.
    const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const from = scrollY;
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await frame();
      await frame();
    }
    scrollTo(0, from);
  });
}

/**
 * The text of every Concierge badge on a page. Badges live in closed shadow roots (so the page
 * cannot read them); the DevTools protocol can, which is what a test needs.
 */
export async function badgeTexts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const texts: string[] = [];
    type DomNode = {
      nodeType: number;
      nodeValue: string;
      attributes?: string[];
      children?: DomNode[];
      shadowRoots?: DomNode[];
    };
    const textOf = (node: DomNode): string =>
      node.nodeType === 3
        ? node.nodeValue
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(textOf).join('');
    const walk = (node: DomNode): void => {
      if (node.attributes?.includes('data-concierge-badge')) {
        const shadow = node.shadowRoots?.[0];
        const pill = shadow?.children?.find((c) => (c as { nodeName?: string }).nodeName === 'SPAN');
        texts.push(pill ? textOf(pill) : '');
        return;
      }
      [...(node.children ?? []), ...(node.shadowRoots ?? [])].forEach(walk);
    };
    walk(root as DomNode);
    return texts;
  } finally {
    await cdp.detach();
  }
}
