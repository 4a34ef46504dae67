import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Files that share one module graph per worker (isolate: false): re-importing the gateway per file cost more than their tests.
// A file belongs here only if it leaves no process state behind (no env, timers, mocks, global registries); each was run so on both databases.
const every = ['src/**/*.test.ts', 'seeds/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'];
const shared = ['src/policies/**/*.test.ts', 'test/mutations/**/*.test.ts', 'test/authorization/**/*.test.ts', 'test/compiled/**/*.test.ts', 'test/filters/**/*.test.ts', 'test/notifications/**/*.test.ts', 'src/schema/core/**/*.test.ts'];

export default defineConfig({
  resolve: {
    // Vite would pick graphql's .mjs build while Pothos and yoga (run by Node) load the CommonJS one: two realms.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    // PGlite start-up and SQL make some files slow on 2 cores; no test asserts a time.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/silent-logs.ts'],
    // No `include` above: a project that extends the root adds its own to the root's, and every file would run in both.
    projects: [
      { extends: true, test: { name: 'shared', include: shared, isolate: false } },
      { extends: true, test: { name: 'isolated', include: every, exclude: [...configDefaults.exclude, ...shared] } },
    ],
  },
});
