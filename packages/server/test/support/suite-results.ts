import { appendFileSync } from 'node:fs';
import { afterAll, beforeEach } from 'vitest';

/**
 * Prints a suite's `<name>: N passed, N failed` line, and appends it to THREADLINE_RESULTS_FILE when
 * set (.ci/run sets it and prints the file at the end, so the figures stay in CI's log).
 */
export function reportSuite(name: string, passed: number, failed: number): void {
  const line = `${name}: ${passed} passed, ${failed} failed`;
  console.log(line);
  const file = process.env.THREADLINE_RESULTS_FILE;
  if (file) appendFileSync(file, `${line}${process.env.DATABASE_URL ? ' (PostgreSQL)' : ' (PGlite)'}\n`);
}

/** Counts the tests of the calling file and reports them with reportSuite once they have all run. */
export function reportTestsOfThisFile(name: string): void {
  let passed = 0;
  let failed = 0;
  beforeEach(({ onTestFinished }) => {
    onTestFinished(({ task }) => {
      if (task.result?.state === 'fail') failed++;
      else passed++;
    });
  });
  afterAll(() => reportSuite(name, passed, failed));
}
