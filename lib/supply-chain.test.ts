import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  link?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const deps = Object.entries(lock.packages).filter(([path]) => path !== '');

describe('supply chain', () => {
  it('pins every dependency with an integrity hash', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    expect(deps.filter(([, entry]) => !entry.integrity && !entry.link).map(([path]) => path)).toEqual([]);
  });

  it('knows every dependency that ships install scripts; none is needed (installs run with --ignore-scripts)', () => {
    // esbuild's script only checks its binary, which its platform package brings; core-js's prints a banner.
    expect(deps.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path)).toEqual([
      'node_modules/core-js',
      'node_modules/esbuild',
    ]);
    expect(readFileSync('scripts/setup.sh', 'utf8')).toContain('npm ci --ignore-scripts');
  });
});
