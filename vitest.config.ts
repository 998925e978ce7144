import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/support/global-setup.ts', 'packages/web/test/support/build-web.ts'],
    // Each test file starts a real server on its own copy of a migrated database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
