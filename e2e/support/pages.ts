import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The URL fixture pages load the composer from; served by the test routes, never fetched. */
export const COMPOSER_PATH = '/__fixture__/draft-composer.js';

let composer: Promise<string> | null = null;

/** The Draft.js composer of the fixture pages, bundled once per test process. */
export function composerScript(): Promise<string> {
  composer ??= build({
    entryPoints: [resolve('e2e/pages/draft-composer.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return composer;
}

/** A saved X page from the adapter's fixtures, with the composer script added. */
export function xPage(name: string): string {
  const html = readFileSync(resolve('lib/sites/x/fixtures', name), 'utf8');
  return html.replace('</body>', `<script src="${COMPOSER_PATH}"></script></body>`);
}
