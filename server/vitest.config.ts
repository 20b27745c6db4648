import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The team server's tests: Node, a real PostgreSQL (scripts/postgres.sh starts it), server
// processes as `npm run team` starts them; the extension's sync engine runs against them on
// fake-indexeddb, as the unit tests run it.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['server/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file makes its own database and processes; two at a time is what the machine holds.
    maxWorkers: 2,
  },
});
