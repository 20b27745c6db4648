import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { FB } from '../lib/sites/facebook/selectors';
import { matchesOf } from '../lib/sites/lookup';
import { SITES } from '../lib/sites/registry';
import { X } from '../lib/sites/x/selectors';
import { EXTENSION_DIR } from './support/extension';

const BUDGET_GZIP = 30 * 1024;

test('content scripts stay within 30 KB gzipped and carry no React', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
  expect(files.toSorted()).toEqual(SITES.map((site) => `content-scripts/${site.id}.js`).toSorted());
  for (const file of files) {
    const code = readFileSync(resolve(EXTENSION_DIR, file));
    const size = gzipSync(code).length;
    console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
    expect(size, file).toBeLessThanOrEqual(BUDGET_GZIP);
    expect(code.toString(), file).not.toMatch(
      /react\.(element|transitional\.element)|__REACT_DEVTOOLS|createRoot/,
    );
    // The benchmark's accounting of time (lib/content/lab.ts) is not shipped.
    expect(code.toString(), file).not.toMatch(/slowestBatchMs|postsHeld/);
  }
});

test('the manifest asks for exactly the expected permissions', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.permissions.toSorted()).toEqual([
    'alarms',
    'scripting',
    'sidePanel',
    'storage',
    'unlimitedStorage',
  ]);
  expect(manifest.host_permissions.toSorted()).toEqual(matchesOf().toSorted());
  // A team server's origin is asked for when the agent joins, never at install.
  expect(manifest.optional_host_permissions.toSorted()).toEqual([
    'http://127.0.0.1/*',
    'http://localhost/*',
    'https://*/*',
  ]);
  expect(manifest.host_permissions).toContain('https://x.com/*');
  expect(manifest.host_permissions).toContain('https://www.facebook.com/*');
  for (const site of SITES) {
    const script = manifest.content_scripts.find((c: { js: string[] }) =>
      c.js.includes(`content-scripts/${site.id}.js`),
    );
    expect(script.matches.toSorted(), site.id).toEqual(matchesOf(site.id as never).toSorted());
  }
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
});

test('the Firefox build asks for the same in manifest version 2: a team origin is optional there too', () => {
  const manifest = JSON.parse(readFileSync(resolve('.output/firefox-mv2/manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(2);
  // Version 2 has no optional_host_permissions (WXT drops it): without this, joining a team in
  // Firefox could not ask for the server's origin.
  expect(manifest.optional_host_permissions).toBeUndefined();
  expect(manifest.optional_permissions.toSorted()).toEqual([
    'http://127.0.0.1/*',
    'http://localhost/*',
    'https://*/*',
  ]);
  expect(manifest.permissions.toSorted()).toEqual(
    ['alarms', 'scripting', 'storage', 'unlimitedStorage', ...matchesOf()].toSorted(),
  );
});

test('the shipped build carries no benchmark hooks', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const worker = readFileSync(resolve(EXTENSION_DIR, manifest.background.service_worker), 'utf8');
  expect(worker).toContain('postsSeen');
  expect(worker).not.toContain('conciergeBench');
  expect(readdirSync(EXTENSION_DIR)).not.toContain('bench.html');
});

test('the service worker knows sites by the registry alone: no page selector is in it', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const worker = readFileSync(resolve(EXTENSION_DIR, manifest.background.service_worker), 'utf8');
  const selectors = [...Object.values(X), ...Object.values(FB)];
  expect(selectors.length).toBeGreaterThan(20);
  for (const selector of selectors) expect(worker, selector).not.toContain(selector);
  // The content scripts do carry them: the check above would see one that leaked.
  const x = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/x.js'), 'utf8');
  expect(x).toContain(X.post);
});
