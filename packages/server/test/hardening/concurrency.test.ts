/**
 * Issue 7, concurrency, through the official SDK: idempotency and uniqueness hold when the same write
 * arrives many times at once (unique indexes, not read-then-write checks, decide the winner).
 */
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { reportTestsOfThisFile } from '../support/suite-results.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

reportTestsOfThisFile('concurrency');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await t.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row!.n;
}

describe('concurrent writes of one thing', () => {
  it('100 concurrent createCustomerEvent with one externalId make exactly one event', async () => {
    const { email } = await createCustomerWithThreads(t, 'event-race', 1);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.client.createCustomerEvent({
          title: `attempt ${i}`,
          customerIdentifier: { emailAddress: email },
          components: [uiComponent.text({ text: 'once' })],
          externalId: 'race-event-1',
        }),
      ),
    );
    expect(results.filter((r) => r.data).length).toBe(1);
    const refusals = results.filter((r) => r.error);
    expect(refusals).toHaveLength(99);
    for (const r of refusals) {
      expect(r.error).toMatchObject({
        type: 'mutation_error',
        errorDetails: { code: 'event_already_exists_with_external_id' },
      });
    }
    expect(await count("events WHERE external_id = $1 AND kind = 'customer'", ['race-event-1'])).toBe(1);
  });

  it('100 concurrent createThread with one externalId make exactly one thread', async () => {
    const { email } = await createCustomerWithThreads(t, 'thread-race', 0);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.client.createThread({
          title: `attempt ${i}`,
          customerIdentifier: { emailAddress: email },
          externalId: 'race-thread-1',
        }),
      ),
    );
    expect(results.filter((r) => r.data).length).toBe(1);
    for (const r of results.filter((x) => x.error)) {
      expect(r.error).toMatchObject({ errorDetails: { code: 'thread_already_exists_with_external_id' } });
    }
    expect(await count('threads WHERE external_id = $1', ['race-thread-1'])).toBe(1);
  });

  it('100 concurrent upsertCustomer for one new email make exactly one customer, and all succeed', async () => {
    const email = 'upsert-race@example.com';
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.client.upsertCustomer({
          identifier: { emailAddress: email },
          onCreate: { fullName: `Racer ${i}`, email: { email, isVerified: false } },
          onUpdate: {},
        }),
      ),
    );
    expect(results.filter((r) => r.error).map((r) => r.error)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.customer.id)).size).toBe(1);
    expect(results.filter((r) => r.data!.result === 'CREATED')).toHaveLength(1);
    expect(await count('customers WHERE lower(email) = $1', [email])).toBe(1);
  });

  it('50 concurrent addLabels of one label type leave one label on the thread', async () => {
    const { threadIds } = await createCustomerWithThreads(t, 'label-race', 1);
    const type = await t.client.createLabelType({ name: 'Race' });
    const labelTypeId = type.data!.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.client.addLabels({ threadId: threadIds[0]!, labelTypeIds: [labelTypeId] }),
      ),
    );
    const added = results.filter((r) => r.data && r.data.length > 0);
    expect(added.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.error)) {
      expect(r.error).toMatchObject({
        errorDetails: { code: 'label_with_given_type_already_added_to_thread' },
      });
    }
    const thread = await t.client.getThread({ threadId: threadIds[0]! });
    expect(thread.data!.labels.map((l) => l.labelType.id)).toEqual([labelTypeId]);
    expect(
      await count('labels WHERE thread_id = $1 AND label_type_id = $2', [threadIds[0], labelTypeId]),
    ).toBe(1);
  });
});
