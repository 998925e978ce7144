/** Customer and thread events: where they appear, idempotency by externalId, components and limits. */
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

let counter = 0;
const customerWithThreads = (threads: number) => createCustomerWithThreads(t, `events-${++counter}`, threads);

/** The event ids shown in a thread's timeline, with their entry type. */
async function eventsIn(threadId: string) {
  const { body } = await t.graphql(
    `query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 100) { edges { node { entry {
       __typename ... on CustomerEventEntry { timelineEventId } ... on ThreadEventEntry { timelineEventId } } } } } } }`,
    { id: threadId },
  );
  return body.data.thread.timelineEntries.edges
    .map((e: any) => e.node.entry)
    .filter((e: any) => e.timelineEventId)
    .map((e: any) => `${e.__typename}:${e.timelineEventId}`);
}

const text = [uiComponent.text({ text: 'Hello' })];

describe('where events appear', () => {
  it('shows a customer event in every thread of its customer and in no other customer’s', async () => {
    const jane = await customerWithThreads(2);
    const other = await customerWithThreads(1);
    const res = await t.client.createCustomerEvent({
      title: 'Logged in',
      customerIdentifier: { customerId: jane.customerId },
      components: text,
    });
    const entry = `CustomerEventEntry:${res.data!.id}`;
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([entry]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([entry]);
    expect(await eventsIn(other.threadIds[0]!)).toEqual([]);
  });

  it('shows a customer event created with threadId only in that thread', async () => {
    const jane = await customerWithThreads(2);
    const { body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { code } } }',
      {
        input: {
          title: 'Scoped',
          customerIdentifier: { customerId: jane.customerId },
          components: [],
          threadId: jane.threadIds[1],
        },
      },
    );
    const id = body.data.createCustomerEvent.customerEvent.id;
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([`CustomerEventEntry:${id}`]);
  });

  it('refuses a threadId that belongs to another customer', async () => {
    const jane = await customerWithThreads(0);
    const other = await customerWithThreads(1);
    const { body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { code fields { field type } } } }',
      {
        input: {
          title: 'x',
          customerIdentifier: { customerId: jane.customerId },
          components: [],
          threadId: other.threadIds[0],
        },
      },
    );
    expect(body.data.createCustomerEvent).toEqual({
      customerEvent: null,
      error: { code: 'not_found', fields: [{ field: 'threadId', type: 'NOT_FOUND' }] },
    });
  });

  it('copies earlier customer events into a thread created later', async () => {
    const jane = await customerWithThreads(0);
    const event = await t.client.createCustomerEvent({
      title: 'Before the thread',
      customerIdentifier: { emailAddress: jane.email },
      components: text,
    });
    const thread = await t.client.createThread({
      title: 'Later',
      customerIdentifier: { emailAddress: jane.email },
    });
    expect(await eventsIn(thread.data!.id)).toEqual([`CustomerEventEntry:${event.data!.id}`]);
  });

  it('shows a thread event only in its thread', async () => {
    const jane = await customerWithThreads(2);
    const res = await t.client.createThreadEvent({
      title: 'Deployed',
      threadId: jane.threadIds[0]!,
      components: text,
    });
    expect(res.data).toMatchObject({ threadId: jane.threadIds[0], customerId: jane.customerId });
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`ThreadEventEntry:${res.data!.id}`]);
    expect(await eventsIn(jane.threadIds[1]!)).toEqual([]);
  });

  it('refuses a timestamp before the year 1000', async () => {
    const jane = await customerWithThreads(1);
    const res = await t.client.createThreadEvent({
      title: 'Too old',
      threadId: jane.threadIds[0]!,
      components: text,
      timestamp: '0001-01-01T00:00:00Z',
    });
    expect(res.error).toMatchObject({
      errorDetails: {
        fields: [
          {
            field: 'timestamp',
            message: 'Must be a date-time in the years 1000 to 9999.',
            type: 'VALIDATION',
          },
        ],
      },
    });
  });

  it('places a backdated event at its timestamp', async () => {
    const jane = await customerWithThreads(1);
    const res = await t.client.createThreadEvent({
      title: 'Backfilled',
      threadId: jane.threadIds[0]!,
      components: text,
      timestamp: '2024-10-28T18:30:00Z',
    });
    expect(res.data!.createdAt.iso8601).toBe('2024-10-28T18:30:00.000Z');
    const { body } = await t.graphql(
      'query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 1) { edges { node { timestamp { iso8601 } } } } } }',
      { id: jane.threadIds[0] },
    );
    expect(body.data.thread.timelineEntries.edges[0].node.timestamp.iso8601).toBe('2024-10-28T18:30:00.000Z');
  });
});

describe('externalId is an idempotency key', () => {
  it('fails the second create with the same externalId and creates nothing', async () => {
    const jane = await customerWithThreads(1);
    const input = {
      title: 'Once',
      customerIdentifier: { customerId: jane.customerId },
      components: text,
      externalId: `once-${counter}`,
    };
    const first = await t.client.createCustomerEvent(input);
    const second = await t.client.createCustomerEvent({ ...input, title: 'Twice' });
    expect(first.data?.id).toBeDefined();
    expect(second.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        code: 'event_already_exists_with_external_id',
        fields: [{ field: 'externalId', type: 'VALIDATION' }],
      },
    });
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`CustomerEventEntry:${first.data!.id}`]);
  });

  it('lets exactly one of 20 concurrent creates with one externalId succeed', async () => {
    const jane = await customerWithThreads(1);
    const externalId = `race-${counter}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.client.createThreadEvent({
          title: `Racer ${i}`,
          threadId: jane.threadIds[0]!,
          components: text,
          externalId,
        }),
      ),
    );
    const created = results.filter((r) => r.data);
    expect(created).toHaveLength(1);
    expect(results.filter((r) => r.error?.type === 'mutation_error')).toHaveLength(19);
    for (const r of results.filter((r) => r.error)) {
      expect(r.error).toMatchObject({ errorDetails: { code: 'event_already_exists_with_external_id' } });
    }
    expect(await eventsIn(jane.threadIds[0]!)).toEqual([`ThreadEventEntry:${created[0]!.data!.id}`]);
    const rows = await t.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE external_id = $1',
      [externalId],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('keeps customer and thread events apart: the same externalId may be used once by each', async () => {
    const jane = await customerWithThreads(1);
    const externalId = `both-${counter}`;
    const c = await t.client.createCustomerEvent({
      title: 'c',
      customerIdentifier: { customerId: jane.customerId },
      components: [],
      externalId,
    });
    const th = await t.client.createThreadEvent({
      title: 't',
      threadId: jane.threadIds[0]!,
      components: [],
      externalId,
    });
    expect(c.data?.id).toBeDefined();
    expect(th.data?.id).toBeDefined();
  });
});

describe('unknown references', () => {
  it('answers not_found naming the identifier field for an unknown customer', async () => {
    const res = await t.client.createCustomerEvent({
      title: 'x',
      customerIdentifier: { emailAddress: 'nobody@example.com' },
      components: [],
    });
    expect(res.error).toMatchObject({
      type: 'mutation_error',
      errorDetails: {
        code: 'not_found',
        fields: [
          { field: 'customerIdentifier.emailAddress', message: 'Customer not found.', type: 'NOT_FOUND' },
        ],
      },
    });
  });

  it('names customerIdentifier.email when the alias found no customer, and refuses both spellings at once', async () => {
    const mutation =
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { error { code fields { field type } } } }';
    const alias = await t.graphql(mutation, {
      input: { title: 'x', customerIdentifier: { email: 'nobody@example.com' }, components: [] },
    });
    expect(alias.body.data.createCustomerEvent.error).toEqual({
      code: 'not_found',
      fields: [{ field: 'customerIdentifier.email', type: 'NOT_FOUND' }],
    });
    const both = await t.graphql(mutation, {
      input: {
        title: 'x',
        customerIdentifier: { email: 'a@example.com', emailAddress: 'a@example.com' },
        components: [],
      },
    });
    expect(both.body.data.createCustomerEvent.error).toEqual({
      code: 'input_validation',
      fields: [{ field: 'customerIdentifier', type: 'VALIDATION' }],
    });
  });

  it('answers not_found for an unknown thread', async () => {
    const res = await t.client.createThreadEvent({
      title: 'x',
      threadId: 'th_01HB924RWAW8H3Q8KZDFWYBJHZ',
      components: [],
    });
    expect(res.error).toMatchObject({
      errorDetails: { code: 'not_found', fields: [{ field: 'threadId', type: 'NOT_FOUND' }] },
    });
  });
});
