/**
 * Crash: writes run against Threadline as its own process, which is killed with SIGKILL mid-load.
 * After a restart on the same database every write that was answered with success is there, found
 * by its id. (On PGlite the guarantee is for a killed process: commits are written through to the
 * data directory's files before the answer; an operating-system crash or power loss is not tested.)
 */
import { describe, expect, it } from 'vitest';
import { newApiKey, type ServerProcess, spawnServer } from '../support/server-process.js';
import { reportSuite } from '../support/suite-results.js';
import { createTestDbLocation } from '../support/test-db.js';

const WRITERS = 8;

describe('a SIGKILL under write load', () => {
  it('loses no write that was answered with success', async () => {
    const location = await createTestDbLocation();
    const apiKey = newApiKey();
    let server: ServerProcess | null = null;
    try {
      server = await spawnServer(location.env, apiKey);
      const client = server.client;
      const setup = await client.upsertCustomer({
        identifier: { emailAddress: 'crash@example.com' },
        onCreate: { fullName: 'Crash', email: { email: 'crash@example.com', isVerified: true } },
        onUpdate: {},
      });
      const customerId = setup.data!.customer.id;
      const eventThread = await client.createThread({ title: 'events', customerIdentifier: { customerId } });
      const eventThreadId = eventThread.data!.id;

      // Writers loop until the process dies; each records what was answered with success.
      const threads: string[] = [];
      const customers: string[] = [];
      const events: string[] = [];
      let failedAfterKill = 0;
      let killed = false;
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const kind = i % 3;
          try {
            if (kind === 0) {
              const res = await client.createThread({
                title: `t${w}-${i}`,
                customerIdentifier: { customerId },
              });
              if (res.data) threads.push(res.data.id);
            } else if (kind === 1) {
              const email = `c${w}-${i}@example.com`;
              const res = await client.upsertCustomer({
                identifier: { emailAddress: email },
                onCreate: { fullName: `c${w}-${i}`, email: { email, isVerified: false } },
                onUpdate: {},
              });
              if (res.data) customers.push(res.data.customer.id);
            } else {
              const res = await client.createThreadEvent({
                title: `e${w}-${i}`,
                threadId: eventThreadId,
                components: [{ componentText: { text: 'x' } }],
              });
              if (res.data) events.push(res.data.id);
            }
          } catch {
            // The process died under this request: it was never answered with success.
            failedAfterKill++;
          }
        }
      };
      const load = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await server.kill();
      killed = true;
      await load;
      const answered = threads.length + customers.length + events.length;
      expect(answered).toBeGreaterThan(30);

      server = await spawnServer(location.env, apiKey);
      const missing: string[] = [];
      for (const id of threads) if (!(await server.client.getThread({ threadId: id })).data) missing.push(id);
      for (const id of customers)
        if (!(await server.client.getCustomerById({ customerId: id })).data) missing.push(id);
      // Thread events by id: every entry of the events thread, page by page.
      const seenEvents = new Set<string>();
      for (let after: string | null = null, more = true; more; ) {
        const page: any = await fetch(`${server.url}/graphql/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({
            query: `query ($id: ID!, $after: String) { thread(threadId: $id) { timelineEntries(first: 100, after: $after) {
              edges { node { entry { ... on ThreadEventEntry { timelineEventId } } } } pageInfo { hasNextPage endCursor } } } }`,
            variables: { id: eventThreadId, after },
          }),
        }).then((res) => res.json());
        const entries = page.data.thread.timelineEntries;
        for (const edge of entries.edges)
          if (edge.node.entry.timelineEventId) seenEvents.add(edge.node.entry.timelineEventId);
        more = entries.pageInfo.hasNextPage;
        after = entries.pageInfo.endCursor;
      }
      for (const id of events) if (!seenEvents.has(id)) missing.push(id);
      reportSuite(
        `crash (${location.engine}, ${answered} answered writes)`,
        answered - missing.length,
        missing.length,
      );
      expect(missing).toEqual([]);
      expect(failedAfterKill).toBeLessThanOrEqual(WRITERS * 2);
    } finally {
      await server?.kill();
      await location.drop();
    }
  }, 120_000);
});
