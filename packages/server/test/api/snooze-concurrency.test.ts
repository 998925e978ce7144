/** Wake-ups that run at once (several server processes on one PostgreSQL) wake each thread once. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;

// The server's own scheduler only runs its start-up pass; the test drives the wake-ups itself.
beforeAll(async () => {
  t = await startTestServer({ THREADLINE_SCHEDULER_INTERVAL_MS: '3600000' });
});

afterAll(() => t.close());

it('wakes each due thread exactly once when four passes race', async () => {
  const { threadIds } = await createCustomerWithThreads(t, 'race', 20);
  for (const threadId of threadIds) await t.client.snoozeThread({ threadId, durationSeconds: 1 });
  await new Promise((r) => setTimeout(r, 1100));

  // On PostgreSQL the four passes hold four pool connections at once; SKIP LOCKED splits the rows.
  const woken = await Promise.all(
    Array.from({ length: 4 }, async () => {
      let total = 0;
      for (;;) {
        const n = await t.server.services.threadStatus.wakeDueSnoozes(3);
        total += n;
        if (n === 0) return total;
      }
    }),
  );

  expect(woken.reduce((a, b) => a + b, 0)).toBe(20);
  const rows = await t.testDb.db.query<{ thread_id: string; n: number }>(
    `SELECT thread_id, count(*)::int AS n FROM timeline_entries
     WHERE kind = 'status_transitioned' AND actor = 'system:snooze_timer' GROUP BY thread_id`,
  );
  expect(rows).toHaveLength(20);
  expect(rows.every((r) => r.n === 1)).toBe(true);
  const statuses = await Promise.all(
    threadIds.map(async (threadId) => (await t.client.getThread({ threadId })).data?.status),
  );
  expect(new Set(statuses)).toEqual(new Set(['TODO']));
});
