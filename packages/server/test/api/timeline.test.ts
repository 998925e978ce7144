/**
 * Timelines over HTTP: a thread's timeline paged both ways as raw GraphQL, the paging errors, a
 * customer's timeline across threads, one entry, and backdated events. Data is made with the SDK.
 */
import { randomBytes } from 'node:crypto';
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineUserActor, prefixedUlid } from '../support/expectations.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ENTRY = `id threadId customerId timestamp { iso8601 unixTimestamp }
  actor { __typename ... on MachineUserActor { machineUserId } }
  entry {
    __typename
    ... on CustomEntry { title }
    ... on CustomerEventEntry { timelineEventId title customerId }
    ... on ThreadEventEntry { timelineEventId title customerId }
  }`;
const CONNECTION = `edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

const THREAD_TIMELINE = `query($threadId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  thread(threadId: $threadId) {
    timelineEntries(first: $first, after: $after, last: $last, before: $before) { ${CONNECTION} }
  }
}`;
const CUSTOMER_TIMELINE = `query($customerId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  timelineEntries(customerId: $customerId, first: $first, after: $after, last: $last, before: $before) { ${CONNECTION} }
}`;
const ONE_ENTRY = `query($customerId: ID!, $id: ID!) {
  timelineEntry(customerId: $customerId, timelineEntryId: $id) { ${ENTRY} }
}`;

interface Entry {
  id: string;
  threadId: string;
  customerId: string;
  timestamp: { iso8601: string; unixTimestamp: string };
  entry: { __typename: string; timelineEventId?: string; title: string };
}
interface Connection {
  edges: { cursor: string; node: Entry }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}
type PageArgs = { first?: number; after?: string; last?: number; before?: string };

async function createCustomer() {
  const email = `timeline.${randomBytes(4).toString('hex')}@example.com`;
  const res = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Timeline Customer', email: { email, isVerified: false } },
    onUpdate: {},
  });
  expect(res.error).toBeUndefined();
  return res.data!.customer;
}

async function createThread(customerId: string, firstMessage?: string) {
  const res = await t.client.createThread({
    title: 'Timeline thread',
    customerIdentifier: { customerId },
    components: firstMessage ? [uiComponent.text({ text: firstMessage })] : undefined,
  });
  expect(res.error).toBeUndefined();
  return res.data!;
}

async function createThreadEvent(threadId: string, title: string, timestamp?: string) {
  const res = await t.client.createThreadEvent({
    threadId,
    title,
    components: [uiComponent.text({ text: title })],
    timestamp,
  });
  expect(res.error).toBeUndefined();
  return res.data!;
}

/** One page of a thread's timeline; fails the test unless the server answers 200. */
async function threadPage(threadId: string, args: PageArgs): Promise<Connection> {
  const { status, body } = await t.graphql(THREAD_TIMELINE, { threadId, ...args });
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data.thread.timelineEntries;
}

async function customerPage(customerId: string, args: PageArgs): Promise<Connection> {
  const { status, body } = await t.graphql(CUSTOMER_TIMELINE, { customerId, ...args });
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data.timelineEntries;
}

/** Checks that a page's start and end cursors are those of its first and last edges. */
function expectCursorsMatchEdges(page: Connection): void {
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
}

describe('a thread timeline of 30 events', () => {
  let threadId: string;
  let customerId: string;
  /** The event ids in the order of their timestamps, oldest first. */
  let eventIds: string[];

  beforeAll(async () => {
    const customer = await createCustomer();
    customerId = customer.id;
    threadId = (await createThread(customerId)).id;
    // Distinct, increasing timestamps make the expected order exact (entries made in the same
    // millisecond are ordered by id, which is random within that millisecond).
    const start = Date.now() - 60 * 60_000;
    eventIds = [];
    for (let i = 0; i < 30; i++) {
      const at = new Date(start + i * 1000).toISOString();
      eventIds.push((await createThreadEvent(threadId, `Event ${i}`, at)).id);
    }
  });

  it('lists every event as a ThreadEventEntry, oldest first', async () => {
    const page = await threadPage(threadId, { first: 100 });

    expect(page.edges).toHaveLength(30);
    expect(page.edges.map((e) => e.node.entry.timelineEventId)).toEqual(eventIds);
    expect(page.edges[0]!.node).toEqual({
      id: prefixedUlid('t'),
      threadId,
      customerId,
      timestamp: { iso8601: expect.any(String), unixTimestamp: expect.stringMatching(/^\d{13}$/) },
      actor: machineUserActor(),
      entry: { __typename: 'ThreadEventEntry', timelineEventId: eventIds[0], title: 'Event 0', customerId },
    });
    const times = page.edges.map((e) => Number(e.node.timestamp.unixTimestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages forward in pages of 7 with no gap or duplicate', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await threadPage(threadId, { first: 7, after });
      sizes.push(page.edges.length);
      expectCursorsMatchEdges(page);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      seen.push(...page.edges.map((e) => e.node.entry.timelineEventId!));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }

    expect(sizes).toEqual([7, 7, 7, 7, 2]);
    expect(seen).toEqual(eventIds);
  });

  it('pages backward with last/before in pages of 7 with no gap or duplicate', async () => {
    const pages: string[][] = [];
    const sizes: number[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await threadPage(threadId, { last: 7, before });
      sizes.push(page.edges.length);
      expectCursorsMatchEdges(page);
      expect(page.pageInfo.hasNextPage).toBe(before !== undefined);
      // Within a backward page the entries still read oldest first.
      pages.unshift(page.edges.map((e) => e.node.entry.timelineEventId!));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor!;
    }

    expect(sizes).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flat()).toEqual(eventIds);
  });

  it('answers an empty page after the last entry', async () => {
    const last = await threadPage(threadId, { last: 1 });

    const page = await threadPage(threadId, { first: 7, after: last.pageInfo.endCursor! });

    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  it('answers HTTP 400 BAD_USER_INPUT for first together with before', async () => {
    const first = await threadPage(threadId, { first: 7 });

    const { status, body } = await t.graphql(THREAD_TIMELINE, {
      threadId,
      first: 7,
      before: first.pageInfo.endCursor,
    });

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers HTTP 400 BAD_USER_INPUT for first: 101', async () => {
    const { status, body } = await t.graphql(THREAD_TIMELINE, { threadId, first: 101 });

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers HTTP 400 BAD_USER_INPUT for a cursor it did not make', async () => {
    const { status, body } = await t.graphql(THREAD_TIMELINE, { threadId, first: 7, after: 'garbage' });

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('Query.timelineEntries', () => {
  it('lists the entries of every thread of the customer, oldest first, and no one else entries', async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const threadA = await createThread(customer.id, 'First message of A');
    const threadB = await createThread(customer.id, 'First message of B');
    const otherThread = await createThread(other.id, 'Someone else');
    const eventA = await createThreadEvent(threadA.id, 'In A');
    const eventB = await createThreadEvent(threadB.id, 'In B');
    await createThreadEvent(otherThread.id, 'Not theirs');

    const page = await customerPage(customer.id, { first: 100 });

    const entries = page.edges.map((e) => e.node);
    expect(new Set(entries.map((e) => e.threadId))).toEqual(new Set([threadA.id, threadB.id]));
    expect(entries.every((e) => e.customerId === customer.id)).toBe(true);
    const eventIds = entries.map((e) => e.entry.timelineEventId).filter(Boolean);
    expect(eventIds).toEqual(expect.arrayContaining([eventA.id, eventB.id]));
    // Exactly the union of the two thread timelines.
    const ofA = (await threadPage(threadA.id, { first: 100 })).edges.map((e) => e.node.id);
    const ofB = (await threadPage(threadB.id, { first: 100 })).edges.map((e) => e.node.id);
    expect([...entries.map((e) => e.id)].sort()).toEqual([...ofA, ...ofB].sort());
    const times = entries.map((e) => Number(e.timestamp.unixTimestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('pages forward with no gap or duplicate', async () => {
    const customer = await createCustomer();
    const threadA = await createThread(customer.id, 'A');
    const threadB = await createThread(customer.id, 'B');
    for (let i = 0; i < 3; i++) {
      await createThreadEvent(threadA.id, `A${i}`);
      await createThreadEvent(threadB.id, `B${i}`);
    }
    const all = (await customerPage(customer.id, { first: 100 })).edges.map((e) => e.node.id);
    expect(all).toHaveLength(8);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await customerPage(customer.id, { first: 3, after });
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }

    expect(seen).toEqual(all);
  });

  it('answers HTTP 400 BAD_USER_INPUT for first together with before', async () => {
    const customer = await createCustomer();
    await createThread(customer.id, 'Hello');
    const first = await customerPage(customer.id, { first: 1 });

    const { status, body } = await t.graphql(CUSTOMER_TIMELINE, {
      customerId: customer.id,
      first: 1,
      before: first.pageInfo.endCursor,
    });

    expect(status).toBe(400);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('answers HTTP 400 BAD_USER_INPUT for first: 101 and for a cursor it did not make', async () => {
    const customer = await createCustomer();

    const tooMany = await t.graphql(CUSTOMER_TIMELINE, { customerId: customer.id, first: 101 });
    const garbage = await t.graphql(CUSTOMER_TIMELINE, {
      customerId: customer.id,
      first: 1,
      after: 'garbage',
    });

    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

describe('Query.timelineEntry', () => {
  it('answers one entry of the customer by id', async () => {
    const customer = await createCustomer();
    const thread = await createThread(customer.id, 'Hello there');
    const event = await createThreadEvent(thread.id, 'Plan upgraded');
    const listed = (await threadPage(thread.id, { first: 100 })).edges.map((e) => e.node);
    const eventEntry = listed.find((e) => e.entry.timelineEventId === event.id)!;

    const { status, body } = await t.graphql(ONE_ENTRY, { customerId: customer.id, id: eventEntry.id });

    expect(status).toBe(200);
    expect(body.data.timelineEntry).toEqual(eventEntry);
    expect(body.data.timelineEntry.entry).toEqual({
      __typename: 'ThreadEventEntry',
      timelineEventId: event.id,
      title: 'Plan upgraded',
      customerId: customer.id,
    });
    const firstMessage = listed.find((e) => e.entry.__typename === 'CustomEntry')!;
    const custom = await t.graphql(ONE_ENTRY, { customerId: customer.id, id: firstMessage.id });
    expect(custom.body.data.timelineEntry.entry).toEqual({
      __typename: 'CustomEntry',
      title: 'Timeline thread',
    });
  });

  it('answers null for an entry of another customer, and for an unknown id', async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const thread = await createThread(customer.id, 'Mine');
    const [entry] = (await threadPage(thread.id, { first: 1 })).edges;

    const asOther = await t.graphql(ONE_ENTRY, { customerId: other.id, id: entry!.node.id });
    const unknown = await t.graphql(ONE_ENTRY, {
      customerId: customer.id,
      id: 't_01HB924RWAW8H3Q8KZDFWYBJHZ',
    });

    expect(asOther).toMatchObject({ status: 200, body: { data: { timelineEntry: null } } });
    expect(unknown).toMatchObject({ status: 200, body: { data: { timelineEntry: null } } });
  });
});

describe('backdated events', () => {
  it('places a customer event created with an earlier timestamp before later entries', async () => {
    const customer = await createCustomer();
    const thread = await createThread(customer.id, 'Opened today');
    const recent = await createThreadEvent(thread.id, 'Recent event');
    const timestamp = '2020-01-01T00:00:00.000Z';

    const backdated = await t.client.createCustomerEvent({
      customerIdentifier: { customerId: customer.id },
      title: 'Signed up',
      components: [uiComponent.text({ text: 'Signed up in 2020' })],
      timestamp,
    });

    expect(backdated.error).toBeUndefined();
    const entries = (await threadPage(thread.id, { first: 100 })).edges.map((e) => e.node);
    expect(entries.map((e) => e.entry.__typename)).toEqual([
      'CustomerEventEntry',
      'CustomEntry',
      'ThreadEventEntry',
    ]);
    expect(entries[0]).toMatchObject({
      timestamp: { iso8601: timestamp, unixTimestamp: String(Date.parse(timestamp)) },
      entry: { timelineEventId: backdated.data!.id, title: 'Signed up' },
    });
    expect(entries[2]!.entry.timelineEventId).toBe(recent.id);
  });

  it('places a backdated thread event between the entries around its timestamp', async () => {
    const customer = await createCustomer();
    const thread = await createThread(customer.id);
    const old = await createThreadEvent(thread.id, 'Old', '2021-01-01T00:00:00Z');
    const newer = await createThreadEvent(thread.id, 'Newer', '2023-01-01T00:00:00Z');

    const middle = await createThreadEvent(thread.id, 'Middle', '2022-01-01T00:00:00+02:00');

    const entries = (await threadPage(thread.id, { first: 100 })).edges.map((e) => e.node);
    expect(entries.map((e) => e.entry.timelineEventId)).toEqual([old.id, middle.id, newer.id]);
    expect(entries[1]!.timestamp.iso8601).toBe('2021-12-31T22:00:00.000Z');
  });
});
