import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/extension';

const BUDGET_GZIP = 30 * 1024;

test('content scripts stay within 30 KB gzipped and carry no React', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const files: string[] = manifest.content_scripts.flatMap((c: { js: string[] }) => c.js);
  expect(files.toSorted()).toEqual(['content-scripts/facebook.js', 'content-scripts/x.js']);
  for (const file of files) {
    const code = readFileSync(resolve(EXTENSION_DIR, file));
    const size = gzipSync(code).length;
    console.log(`${file}: ${(size / 1024).toFixed(1)} KB gzipped`);
    expect(size, file).toBeLessThanOrEqual(BUDGET_GZIP);
    expect(code.toString(), file).not.toMatch(
      /react\.(element|transitional\.element)|__REACT_DEVTOOLS|createRoot/,
    );
  }
});

test('the manifest asks for exactly the expected permissions', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest.permissions.toSorted()).toEqual(['scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
  expect(manifest.host_permissions.toSorted()).toEqual([
    'https://m.facebook.com/*',
    'https://mobile.twitter.com/*',
    'https://mobile.x.com/*',
    'https://twitter.com/*',
    'https://web.facebook.com/*',
    'https://www.facebook.com/*',
    'https://x.com/*',
  ]);
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
});

test('the shipped build carries no benchmark hooks', () => {
  const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const worker = readFileSync(resolve(EXTENSION_DIR, manifest.background.service_worker), 'utf8');
  expect(worker).toContain('postsSeen');
  expect(worker).not.toContain('conciergeBench');
  expect(readdirSync(EXTENSION_DIR)).not.toContain('bench.html');
});
