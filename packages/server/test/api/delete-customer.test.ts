/** deleteCustomer through the official SDK: what goes with the customer, what stays, and its errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { createFieldSchema } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { readTimeline } from '../support/timeline.js';

let t: TestServer;
let labelTypeId: string;

beforeAll(async () => {
  t = await startTestServer();
  labelTypeId = (await t.client.createLabelType({ name: 'Billing' })).data!.id;
  await createFieldSchema(t, 'plan', 'Plan');
});
afterAll(() => t.close());

const text = [{ componentText: { text: 'x' } }];

/**
 * A customer with everything a customer can have: two threads, a customer event (in both threads), a
 * thread event, notes with and without a thread, a label, a thread field value, a reply, a status change.
 */
async function customerWithData(tag: string) {
  const email = `${tag}@example.com`;
  const externalId = `ext-${tag}`;
  const created = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: `Customer ${tag}`, email: { email, isVerified: true }, externalId },
    onUpdate: {},
  });
  const customerId = created.data!.customer.id;
  const threadIds: string[] = [];
  for (const title of ['First', 'Second']) {
    const thread = await t.client.createThread({
      title,
      customerIdentifier: { customerId },
      components: text,
    });
    threadIds.push(thread.data!.id);
  }
  const [first, second] = threadIds as [string, string];
  const steps = [
    t.client.createCustomerEvent({
      customerIdentifier: { customerId },
      title: 'Signed up',
      components: text,
    }),
    t.client.createThreadEvent({ threadId: first, title: 'Deployed', components: text }),
    t.client.createNote({ customerId, threadId: first, text: 'On the thread' }),
    t.client.createNote({ customerId, text: 'On the customer' }),
    t.client.addLabels({ threadId: first, labelTypeIds: [labelTypeId] }),
    t.client.upsertThreadField({
      identifier: { key: 'plan', threadId: first },
      type: 'STRING' as never,
      stringValue: 'pro',
    }),
    t.client.replyToThread({ threadId: second, textContent: 'Hello' }),
    t.client.markThreadAsDone({ threadId: second }),
  ];
  for (const step of steps) expect((await step).error).toBeUndefined();
  return { customerId, email, externalId, threadIds };
}

/** How many rows of each kind a customer has, counted in the database itself. */
async function rowsOf(customerId: string, threadIds: string[]) {
  const count = async (sql: string, params: unknown[]) =>
    (await t.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
  return {
    customers: await count('customers WHERE id = $1', [customerId]),
    threads: await count('threads WHERE customer_id = $1', [customerId]),
    events: await count('events WHERE customer_id = $1', [customerId]),
    notes: await count('notes WHERE customer_id = $1', [customerId]),
    labels: await count('labels WHERE thread_id = ANY($1)', [threadIds]),
    threadFields: await count('thread_fields WHERE thread_id = ANY($1)', [threadIds]),
    timelineEntries: await count('timeline_entries WHERE customer_id = $1 OR thread_id = ANY($2)', [
      customerId,
      threadIds,
    ]),
  };
}

const TIMELINE = 'query($id: ID!) { timelineEntries(customerId: $id) { edges { cursor } } }';

describe('deleteCustomer', () => {
  it('deletes the customer with their threads, events, notes, labels, field values and timeline entries', async () => {
    const gone = await customerWithData('gone');
    const kept = await customerWithData('kept');
    const goneRows = await rowsOf(gone.customerId, gone.threadIds);
    // Every kind of row exists before, so that the zeros below mean deleted, not never made.
    expect(Object.values(goneRows).every((n) => n > 0)).toBe(true);
    const keptRows = await rowsOf(kept.customerId, kept.threadIds);
    const keptTimelines = await Promise.all(kept.threadIds.map((id) => readTimeline(t, id)));

    expect(await t.client.deleteCustomer({ customerId: gone.customerId })).toEqual({ data: null });

    expect((await t.client.getCustomerById({ customerId: gone.customerId })).data).toBeNull();
    expect((await t.client.getCustomerByEmail({ email: gone.email })).data).toBeNull();
    expect((await t.client.getCustomerByExternalId({ externalId: gone.externalId })).data).toBeNull();
    for (const threadId of gone.threadIds) expect((await t.client.getThread({ threadId })).data).toBeNull();
    const timeline = await t.graphql(TIMELINE, { id: gone.customerId });
    expect(timeline.body.data.timelineEntries.edges).toEqual([]);
    const list = await t.client.getCustomers({});
    expect(list.data!.customers.map((c) => c.id)).not.toContain(gone.customerId);
    expect(await rowsOf(gone.customerId, gone.threadIds)).toEqual({
      customers: 0,
      threads: 0,
      events: 0,
      notes: 0,
      labels: 0,
      threadFields: 0,
      timelineEntries: 0,
    });

    // The other customer keeps everything, and their timelines read as before.
    expect(await rowsOf(kept.customerId, kept.threadIds)).toEqual(keptRows);
    expect(await Promise.all(kept.threadIds.map((id) => readTimeline(t, id)))).toEqual(keptTimelines);
    expect((await t.client.getCustomerById({ customerId: kept.customerId })).data?.id).toBe(kept.customerId);
  });

  it('frees the email and externalId for a new customer', async () => {
    const old = await customerWithData('reused');
    expect((await t.client.deleteCustomer({ customerId: old.customerId })).error).toBeUndefined();
    const again = await t.client.upsertCustomer({
      identifier: { emailAddress: old.email },
      onCreate: {
        fullName: 'New',
        email: { email: old.email, isVerified: false },
        externalId: old.externalId,
      },
      onUpdate: {},
    });
    expect(again.data).toMatchObject({ result: 'CREATED', customer: { externalId: old.externalId } });
    expect(again.data!.customer.id).not.toBe(old.customerId);
    const timeline = await t.graphql(TIMELINE, { id: again.data!.customer.id });
    expect(timeline.body.data.timelineEntries.edges).toEqual([]);
  });

  it('answers not_found on customerId for a customer that does not exist or was deleted', async () => {
    const { customerId } = await customerWithData('twice');
    expect((await t.client.deleteCustomer({ customerId })).error).toBeUndefined();
    for (const id of [customerId, 'c_01HB924RWAW8H3Q8KZDFWYBJZZ']) {
      const result = await t.client.deleteCustomer({ customerId: id });
      expect(result.error).toMatchObject({
        type: 'mutation_error',
        errorDetails: {
          type: 'VALIDATION',
          code: 'not_found',
          fields: [{ field: 'customerId', message: 'Customer not found.', type: 'NOT_FOUND' }],
        },
      });
    }
  });

  it('answers VALIDATION on customerId for an empty id', async () => {
    const result = await t.client.deleteCustomer({ customerId: '' });
    expect(result.error).toMatchObject({
      errorDetails: { code: 'input_validation', fields: [{ field: 'customerId', type: 'VALIDATION' }] },
    });
  });

  it('leaves nothing of the customer when threads and events are created for them during the delete', async () => {
    const { customerId } = await customerWithData('racing');
    const writes = Array.from({ length: 6 }, (_, i) =>
      i % 2 === 0
        ? t.client.createThread({
            title: `Racing ${i}`,
            customerIdentifier: { customerId },
            components: text,
          })
        : t.client.createCustomerEvent({
            customerIdentifier: { customerId },
            title: `E${i}`,
            components: text,
          }),
    );
    const [deleted] = await Promise.all([t.client.deleteCustomer({ customerId }), ...writes]);
    expect(deleted).toEqual({ data: null });
    const threadIds = (
      await t.testDb.db.query<{ id: string }>('SELECT id FROM threads WHERE customer_id = $1', [customerId])
    ).map((r) => r.id);
    // A write that ran after the delete found no customer; none left rows behind.
    expect(await rowsOf(customerId, threadIds)).toMatchObject({ customers: 0, threads: 0, events: 0 });
  });

  it('needs customer:delete, and deletes nothing without it', async () => {
    const { customerId } = await customerWithData('kept-by-permission');
    const key = await createRestrictedKey(t, ['customer:read']);
    const { body } = await t.graphql(
      'mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) { error { code message } } }',
      { input: { customerId } },
      key,
    );
    expect(body.data.deleteCustomer.error).toEqual({
      code: 'forbidden',
      message: 'Insufficient permissions, missing "customer:delete".',
    });
    expect((await t.client.getCustomerById({ customerId })).data?.id).toBe(customerId);
  });
});
