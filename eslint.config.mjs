// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

/**
 * Boundaries as allow-lists per folder (VS Code's import patterns, with ESLint's no-restricted-imports):
 * each `regex` names every import the folder may NOT make, so anything new is refused until it is
 * allowed here on purpose. tests/core/boundaries.test.ts plants a bad import for each rule.
 */
const rendererPatterns = [
  { regex: '(^|/)electron(/|$)', message: 'renderer imports only @contract and @domain from the core' },
  { regex: '^(better-sqlite3|node:)', message: 'renderer runs in a sandboxed page' },
];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** Hosts reach the core only through its composition root, the contract, the pure domain and two leaf helpers. */
const HOST_TO_CORE = {
  regex: '^(\\.\\./)+core/(?!(contract|domain)(/|$)|(open-core|data-dir|args|version)$)',
  message: 'hosts reach the core only through core/open-core (the composition root), contract and domain',
};
const NO_SQLITE = { regex: '^better-sqlite3$', message: 'only the core opens the database' };
const NO_ELECTRON = { regex: '^electron(/|$)', message: 'this code runs on plain Node: no electron' };
const NO_UI = { regex: '^(react|react-dom|@mantine|@tabler|@tanstack)(/|$)', message: 'no UI code here' };

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs on plain Node under the web host and CLI: no Electron, React or DOM, and no host code.
    files: ['electron/core/**/*.ts'],
    rules: restrict(NO_ELECTRON, NO_UI, {
      regex: '^(\\.\\./)+(main|web|cli|preload|utility)(/|$)',
      message: 'the core never imports a host',
    }),
  },
  {
    // The data layer is asynchronous (one port over SQLite and PostgreSQL): a promise left unawaited, tested
    // for truth or handed where a value is expected is a write that may not have happened. Type-aware rules
    // catch those; they run on the core and the hosts, which talk to the database.
    files: ['electron/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The contract: zod schemas, types and pure functions over them; nothing but zod and itself.
    files: ['electron/core/contract/**/*.ts'],
    rules: restrict({
      regex: '^(?!zod$|\\./)',
      message: 'contract/ imports only zod and contract/ itself (no node:*, storage or core internals)',
    }),
  },
  {
    // The domain: pure rules both sides run (deadlines, grading, zone maths); the contract's types only.
    files: ['electron/core/domain/**/*.ts'],
    rules: restrict({
      regex: '^(?!\\./|\\.\\./contract(/|$))',
      message: 'domain/ imports only contract/ and domain/ itself (pure: no node:*, no storage)',
    }),
  },
  {
    // A released migration never changes: it carries its own SQL and frozen data and calls no feature code.
    files: ['electron/core/db/migrations/**/*.ts'],
    rules: restrict({
      regex: '^(?!\\./|\\.\\./clock$|\\.\\./\\.\\./audit/chain$|better-sqlite3$)',
      message: 'a migration imports only its own folder (frozen data), the clock and the audit chain types',
    }),
  },
  {
    // Hosts: the Electron main process and its utility-process entry, the web host, the CLI.
    files: ['electron/utility/**/*.ts'],
    rules: restrict(HOST_TO_CORE, NO_SQLITE, NO_UI),
  },
  {
    // Electron main holds no SQLite handle: not even the composition root, which loads the driver.
    files: ['electron/main/**/*.ts'],
    rules: restrict(HOST_TO_CORE, NO_SQLITE, NO_UI, {
      regex: '^(\\.\\./)+core/open-core$',
      allowTypeImports: true,
      message: 'main runs the core in the utility process',
    }),
  },
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(HOST_TO_CORE, NO_SQLITE, NO_UI, NO_ELECTRON, {
      regex: '^(\\.\\./)+(main|utility|preload)(/|$)',
      message: 'the web host and CLI never load the Electron hosts',
    }),
  },
  {
    // The preload is the bridge: electron's contextBridge and the contract's channel names, nothing else.
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      regex: '^(?!electron$|\\.\\./core/contract/channels$)',
      message: 'the preload imports only electron and core/contract/channels',
    }),
  },
  {
    // The renderer reaches the core only through @contract and @domain.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(...rendererPatterns, {
      // Toasts go through components/toast, which keeps a message shown once (never stacked twice).
      group: ['@mantine/notifications'],
      importNames: ['notifications'],
      message: 'show toasts with toast() from components/toast',
    }),
  },
  { files: ['renderer/src/components/toast.ts'], rules: restrict(...rendererPatterns) },
  {
    // Hooks called in a stable order with honest dependency lists; the renderer must stay accessible
    // (every input labelled) — an officer may drive it by keyboard or a screen reader.
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
