import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads a saved fixture page of a site adapter (tests only; paths are from the repo root). */
export function fixtureHtml(site: string, name: string): string {
  return readFileSync(resolve(process.cwd(), 'lib/sites', site, 'fixtures', name), 'utf8');
}

export function fixturePage(site: string, name: string): Document {
  return new DOMParser().parseFromString(fixtureHtml(site, name), 'text/html');
}
