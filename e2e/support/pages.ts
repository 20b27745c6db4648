import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * The scripts fixture pages load, by the path they load them from: the real editors of each site
 * (Draft.js for X, Lexical for Facebook). Served by the test routes, never fetched.
 */
const SCRIPTS: Record<string, string> = {
  '/__fixture__/draft-composer.js': 'e2e/pages/draft-composer.tsx',
  '/__fixture__/lexical-composer.js': 'e2e/pages/lexical-composer.ts',
};

const bundles = new Map<string, Promise<string>>();

/** A fixture script bundled once per test process; null for any other path. */
export function fixtureScript(path: string): Promise<string> | null {
  const entry = SCRIPTS[path];
  if (!entry) return null;
  let bundle = bundles.get(path);
  if (!bundle) {
    bundle = build({
      entryPoints: [resolve(entry)],
      bundle: true,
      write: false,
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0]!.text);
    bundles.set(path, bundle);
  }
  return bundle;
}

function savedPage(site: string, name: string, script: string): string {
  const html = readFileSync(resolve('lib/sites', site, 'fixtures', name), 'utf8');
  return html.replace('</body>', `<script src="${script}"></script></body>`);
}

/** A saved X page from the adapter's fixtures, with the Draft.js composer. */
export const xPage = (name: string): string => savedPage('x', name, '/__fixture__/draft-composer.js');

/** A saved Facebook page from the adapter's fixtures, with Lexical boxes. */
export const facebookPage = (name: string): string =>
  savedPage('facebook', name, '/__fixture__/lexical-composer.js');

export interface MadePost {
  handle: string;
  name: string;
  text: string;
  id: string;
}

/** The saved X timeline with these posts on top, drawn as X draws them (text escaped as X does). */
export function xTimelineWith(posts: readonly MadePost[]): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const articles = posts.map(
    (p) => `<div data-testid="cellInnerDiv"><article data-testid="tweet" tabindex="0">
    <div data-testid="User-Name"><div><a href="/${p.handle}"><span>${escape(p.name)}</span></a></div>
    <div><a href="/${p.handle}" tabindex="-1">@${p.handle}</a><a href="/${p.handle}/status/${p.id}"><time datetime="2026-11-21T20:00:00.000Z">now</time></a></div></div>
    <div data-testid="tweetText" lang="en">${escape(p.text)}</div><button data-testid="reply" type="button"></button></article></div>`,
  );
  return xPage('timeline.en.html').replace(
    /(<div aria-label="Timeline: Your Home Timeline"[^>]*>)/,
    `$1${articles.join('')}`,
  );
}
