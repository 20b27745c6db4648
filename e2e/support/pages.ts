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
export const facebookPage = (name: string): string => savedPage('facebook', name, '/__fixture__/lexical-composer.js');
