// ESLint (flat config): TypeScript rules, React hooks, import cycles, and the layers of the
// architecture as import rules. Prettier formats; eslint-config-prettier turns off what it owns.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Everything that runs on the site's page: the content scripts and what they import. */
const CONTENT = ['entrypoints/*.content/**', 'lib/content/**', 'lib/sites/**', 'lib/dom-list.ts'];

/** The service worker and its handlers. */
const WORKER = ['entrypoints/background.ts', 'lib/background/**'];
/** Tests set up what they need, databases included. */
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

const database = {
  group: ['**/db/*', '!**/db/types', 'dexie', 'dexie-react-hooks'],
  message:
    'Content scripts never open the database (it would belong to the page): ask the worker by message.',
};
const parsers = {
  regex: '(^|/)sites(/(?!(registry|lookup|types)$)|$)',
  message: 'The worker knows sites through lib/sites/registry.ts only; parsers stay in the content scripts.',
};

const tables = {
  group: [
    '**/db/*',
    '!**/db/mutations',
    '!**/db/queries',
    '!**/db/types',
    '!**/db/errors',
    '!**/db/identity',
    '!**/db/customers',
    '!**/db/validate',
    '!**/db/sample',
    '!**/db/watch',
    'dexie',
  ],
  message: 'Components read through lib/db/queries and write through lib/db/mutations, never tables.',
};
/** What writes tables: only the named mutations (lib/db/mutations.ts) may call it. */
const writers = [
  ['**/db/customers', ['saveCustomer', 'deleteCustomer']],
  ['**/db/interactions', ['recordSeen', 'recordReplies']],
  ['**/db/sample', ['loadSample']],
  ['**/import/apply', ['writeCustomers', 'attachOrders', 'importDrafts']],
  ['**/import/backup', ['restoreBackup']],
  ['**/replies/templates-io', ['saveTemplates']],
  ['**/replies/learning', ['recordUse']],
].map(([module, names]) => ({
  group: [module],
  importNames: names,
  message: 'Every write is a named mutation: call mutate() from lib/db/mutations.ts.',
}));

/** The team server runs in Node: nothing of the browser extension's storage or UI comes along. */
const browserSide = {
  group: [
    'dexie',
    'dexie-react-hooks',
    'react',
    'react-dom',
    'wxt',
    'wxt/*',
    '**/db/schema',
    '**/db/mutations',
    '**/team/sync',
    '**/team/outbox',
    '**/team/apply',
  ],
  message:
    'The server imports the shared protocol (lib/team/protocol.ts, lib/team/changes.ts), never browser code.',
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'demo-output/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Type-only imports vanish at build time, so only value imports may not form a cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: CONTENT, ignores: TESTS, rules: { 'no-restricted-imports': ['error', { patterns: [database] }] } },
  {
    files: ['components/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tables, ...writers] }] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: [
      ...TESTS,
      ...CONTENT,
      ...WORKER,
      'components/**',
      'lib/db/mutations.ts',
      'bench/**',
      'entrypoints/bench/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: writers }] },
  },
  {
    files: ['server/**'],
    // The tests run the extension's sync engine against the server, with WXT's test set-up.
    ignores: [...TESTS, 'server/vitest.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [browserSide, ...writers] }] },
  },
  {
    // The extension never bundles server code: what both sides need lives in lib/team.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: ['./lib', './components', './entrypoints'], from: './server' }] },
      ],
    },
  },
  {
    files: WORKER,
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [parsers, ...writers] }] },
  },
  prettier,
);
