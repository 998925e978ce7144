/** A snooze that runs out while no server is running ends as soon as one starts again. */
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Server, startServer } from '../../src/server.js';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { readTimeline } from '../support/timeline.js';

let t: TestServer;
let restarted: Server | null = null;

afterAll(async () => {
  await restarted?.app.close();
  await t.testDb.drop();
});

it('wakes a thread whose snooze ran out during a restart, exactly once', async () => {
  t = await startTestServer({ THREADLINE_SCHEDULER_INTERVAL_MS: '50' });
  const { threadIds } = await createCustomerWithThreads(t, 'restart', 1);
  const threadId = threadIds[0]!;
  const snoozed = await t.client.snoozeThread({ threadId, durationSeconds: 1 });
  expect(snoozed.data?.status).toBe('SNOOZED');

  // The server stops; the due time passes with nothing running.
  await t.server.app.close();
  await new Promise((r) => setTimeout(r, 1500));
  const [row] = await t.testDb.db.query<{ status: string }>('SELECT status FROM threads WHERE id = $1', [
    threadId,
  ]);
  expect(row?.status).toBe('SNOOZED');

  // It starts again on the same database (a slow interval: the pass at start-up must do it).
  restarted = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      THREADLINE_SCHEDULER_INTERVAL_MS: '3600000',
    }),
    { db: t.testDb.db },
  );
  const again = { ...t, apiUrl: `${restarted.url}/graphql/v1` };
  const graphql = (query: string, variables?: unknown) =>
    fetch(again.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as any, headers: res.headers }));

  let status = 'SNOOZED';
  for (let i = 0; i < 100 && status !== 'TODO'; i++) {
    const { body } = await graphql('query($id: ID!) { thread(threadId: $id) { status } }', { id: threadId });
    status = body.data.thread.status;
    if (status !== 'TODO') await new Promise((r) => setTimeout(r, 50));
  }
  expect(status).toBe('TODO');
  const wakeUps = (await readTimeline({ ...t, graphql } as TestServer, threadId)).filter(
    (e) => e.entry.__typename === 'ThreadStatusTransitionedEntry' && e.entry.nextStatus === 'TODO',
  );
  expect(wakeUps).toHaveLength(1);
  expect(wakeUps[0]!.actor).toEqual({ __typename: 'SystemActor', systemId: 'snooze_timer' });
});
