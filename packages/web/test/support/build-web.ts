import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app built from the working tree for this run (the server serves it as THREADLINE_WEB_DIR). */
    webDir: string;
  }
}

/**
 * Builds the web app once per test run into a temp folder, so browser tests see the code as it is now
 * and never a stale packages/web/dist.
 */
export default async function setup(project: TestProject) {
  const { build } = await import('vite');
  const outDir = await mkdtemp(join(tmpdir(), 'threadline-web-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: build as
  // `npm run build` does, then put it back for the tests.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('../..', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webDir', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
