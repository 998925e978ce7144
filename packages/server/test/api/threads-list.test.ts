/** threads(filters, sortBy), threadByRef, threadByExternalId and searchThreads through the official SDK. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let ada: string;
let bob: string;
let billing: string;
let bug: string;
let machineUserId: string;
/** Threads by name: title → id. */
const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

async function customer(name: string, email: string) {
  const result = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: name, email: { email, isVerified: true } },
    onUpdate: {},
  });
  return result.data!.customer.id;
}

async function thread(title: string, customerId: string, extra: Record<string, unknown> = {}) {
  const result = await t.client.createThread({ title, customerIdentifier: { customerId }, ...extra });
  expect(result.error).toBeUndefined();
  ids[title] = result.data!.id;
  refs[title] = result.data!.ref;
  return result.data!.id;
}

/** The titles of a page of threads, in order. */
async function titles(args: Parameters<TestServer['client']['getThreads']>[0]): Promise<string[]> {
  const result = await t.client.getThreads(args);
  expect(result.error).toBeUndefined();
  return result.data!.threads.map((th) => th.title);
}

beforeAll(async () => {
  t = await startTestServer();
  ada = await customer('Ada Lovelace', 'ada@analytical.example');
  bob = await customer('Bob Marley', 'bob@example.com');
  billing = (await t.client.createLabelType({ name: 'Billing' })).data!.id;
  bug = (await t.client.createLabelType({ name: 'Bug' })).data!.id;
  machineUserId = (await t.graphql('{ myMachineUser { id } }')).body.data.myMachineUser.id;
  await t.graphql(
    'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { error { message } } }',
    {
      input: {
        key: 'seats',
        label: 'Seats',
        description: '',
        order: 0,
        type: 'NUMBER',
        enumValues: [],
        isRequired: false,
        isAiAutoFillEnabled: false,
      },
    },
  );
  // Created in this order, one at a time, so creation order is title order.
  await thread('a refund please', ada, { priority: 1, labelTypeIds: [billing], externalId: 'ext-a' });
  await thread('b login broken', ada, {
    priority: 0,
    labelTypeIds: [bug],
    description: 'The SSO button spins',
  });
  await thread('c invoice copy', bob, { priority: 1, labelTypeIds: [billing, bug] });
  await thread('d question', bob, {
    priority: 3,
    threadFields: [{ key: 'seats', type: 'NUMBER', numberValue: 40 }],
  });
  await thread('e seats', bob, { threadFields: [{ key: 'seats', type: 'NUMBER', numberValue: 5 }] });
  await t.client.markThreadAsDone({ threadId: ids['c invoice copy']! });
  await t.client.snoozeThread({ threadId: ids['d question']!, durationSeconds: 3600 });
  await t.client.assignThread({ threadId: ids['b login broken']!, machineUserId });
});

afterAll(() => t.close());

describe('threads', () => {
  it('lists newest first by default', async () => {
    expect(await titles({})).toEqual([
      'e seats',
      'd question',
      'c invoice copy',
      'b login broken',
      'a refund please',
    ]);
  });

  it.each([
    ['statuses', { statuses: ['DONE', 'SNOOZED'] }, ['d question', 'c invoice copy']],
    ['statusDetails', { statusDetails: ['WAITING_FOR_DURATION'] }, ['d question']],
    ['priorities', { priorities: [0, 1] }, ['c invoice copy', 'b login broken', 'a refund please']],
    ['labelTypeIds (any of them)', () => ({ labelTypeIds: [bug] }), ['c invoice copy', 'b login broken']],
    ['customerIds', () => ({ customerIds: [ada] }), ['b login broken', 'a refund please']],
    ['assignedToUser', () => ({ assignedToUser: [machineUserId] }), ['b login broken']],
    [
      'isAssigned: false',
      { isAssigned: false },
      ['e seats', 'd question', 'c invoice copy', 'a refund please'],
    ],
    [
      'threadIds',
      () => ({ threadIds: [ids['a refund please'], ids['e seats']] }),
      ['e seats', 'a refund please'],
    ],
    ['refs', () => ({ refs: [refs['b login broken']] }), ['b login broken']],
    ['threadFields number range', { threadFields: [{ key: 'seats', number: { gte: 10 } }] }, ['d question']],
    ['threadFields value', { threadFields: [{ key: 'seats', number: { value: 5 } }] }, ['e seats']],
    [
      'or',
      () => ({ or: [{ customerIds: [ada] }, { statuses: ['DONE'] }] }),
      ['c invoice copy', 'b login broken', 'a refund please'],
    ],
    ['not', () => ({ not: { labelTypeIds: [billing] } }), ['e seats', 'd question', 'b login broken']],
    [
      'and with a list filter',
      () => ({ labelTypeIds: [billing], and: [{ not: { statuses: ['DONE'] } }] }),
      ['a refund please'],
    ],
  ])('filters by %s', async (_name, filters, expected) => {
    const resolved = typeof filters === 'function' ? filters() : filters;
    expect(await titles({ filters: resolved as any })).toEqual(expected);
  });

  it('filters by a createdAt range (after inclusive, before exclusive)', async () => {
    const all = (
      await t.client.getThreads({ sortBy: { field: 'CREATED_AT' as any, direction: 'ASC' as any } })
    ).data!.threads;
    const after = all[1]!.createdAt.iso8601;
    const before = all[3]!.createdAt.iso8601;
    expect(await titles({ filters: { createdAt: { after, before } } })).toEqual([
      'c invoice copy',
      'b login broken',
    ]);
  });

  it('sorts by priority with ties broken by id, both ways', async () => {
    const asc = await titles({ sortBy: { field: 'PRIORITY' as any, direction: 'ASC' as any } });
    expect(asc).toEqual(['b login broken', 'a refund please', 'c invoice copy', 'e seats', 'd question']);
    const desc = await titles({ sortBy: { field: 'PRIORITY' as any, direction: 'DESC' as any } });
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts by a thread field, threads without it last ascending', async () => {
    const sortBy = { field: 'THREAD_FIELD' as any, direction: 'ASC' as any, threadFieldKey: 'seats' };
    const sorted = await titles({ sortBy });
    expect(sorted.slice(0, 2)).toEqual(['e seats', 'd question']);
    expect(sorted.slice(2).sort()).toEqual(['a refund please', 'b login broken', 'c invoice copy']);
    const page = await t.client.getThreads({ sortBy, first: 2 });
    const rest = await titles({ sortBy, first: 10, after: page.data!.pageInfo.endCursor! });
    expect(rest).toEqual(sorted.slice(2));
  });

  it('sorts by status change time', async () => {
    const sorted = await titles({ sortBy: { field: 'STATUS_CHANGED_AT' as any, direction: 'DESC' as any } });
    expect(sorted.slice(0, 2)).toEqual(['d question', 'c invoice copy']);
  });

  it('answers a 400 with a clear message for bad filters and sorts', async () => {
    const QUERY =
      'query($f: ThreadsFilter, $s: ThreadsSort) { threads(filters: $f, sortBy: $s) { edges { cursor } } }';
    const badRef = await t.graphql(QUERY, { f: { refs: ['42'] } });
    expect(badRef.status).toBe(400);
    expect(badRef.body.errors[0]).toMatchObject({
      message: 'refs.0: Must be a thread ref such as T-123.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badDate = await t.graphql(QUERY, { f: { createdAt: { after: 'yesterday' } } });
    expect(badDate.status).toBe(400);
    const noKey = await t.graphql(QUERY, { s: { field: 'THREAD_FIELD', direction: 'ASC' } });
    expect(noKey.body.errors[0].message).toBe('threadFieldKey: Required');
    const unknownKey = await t.graphql(QUERY, {
      s: { field: 'THREAD_FIELD', direction: 'ASC', threadFieldKey: 'x' },
    });
    expect(unknownKey.body.errors[0].message).toBe(
      'sortBy.threadFieldKey: No thread field schema has this key.',
    );
    let deep: Record<string, unknown> = { statuses: ['TODO'] };
    for (let i = 0; i < 6; i++) deep = { not: deep };
    const tooDeep = await t.graphql(QUERY, { f: deep });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0].message).toMatch(/^filters: Filters may nest 4 deep/);
  });
});

describe('the JIT guard', () => {
  it('answers the same filtered document again and again (graphql-jit would recurse until out of memory)', async () => {
    for (let i = 0; i < 4; i++) {
      expect(await titles({ filters: { statuses: ['DONE'] } as any })).toEqual(['c invoice copy']);
    }
  });
});

describe('pagination', () => {
  it('pages forward and backward over ties without duplicates or gaps while threads arrive', async () => {
    const p = await customer('Pager', 'pager@example.com');
    // 12 threads of one priority: the sort key ties everywhere, the id breaks the ties.
    for (let i = 0; i < 12; i++) await thread(`page ${String(i).padStart(2, '0')}`, p, { priority: 2 });
    const args = {
      filters: { customerIds: [p] },
      sortBy: { field: 'PRIORITY' as any, direction: 'ASC' as any },
    };

    const seen: string[] = [];
    let after: string | undefined;
    for (let round = 0; ; round++) {
      const page = await t.client.getThreads({ ...args, first: 5, after });
      seen.push(...page.data!.threads.map((th) => th.title));
      // A new thread after each of the first pages sorts after every thread read so far (same
      // priority, larger id), so the walk meets it later.
      if (round < 3) await thread(`arrived ${round}`, p, { priority: 2 });
      if (!page.data!.pageInfo.hasNextPage) break;
      after = page.data!.pageInfo.endCursor!;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => `page ${String(i).padStart(2, '0')}`),
    );
    // Pages of 5: threads that arrived before the last page was read are on it; the one after is not.
    expect(seen.slice(12)).toEqual(['arrived 0', 'arrived 1']);

    // Backward from the end: the same order, read from the other side.
    const total = (await titles({ ...args, first: 100 })).length;
    const back: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await t.client.getThreads({ ...args, last: 4, before });
      back.unshift(...page.data!.threads.map((th) => th.title));
      if (!page.data!.pageInfo.hasPreviousPage) break;
      before = page.data!.pageInfo.startCursor!;
    }
    expect(back).toHaveLength(total);
    expect(back).toEqual(await titles({ ...args, first: 100 }));
  });

  it('refuses a cursor made for another sort order', async () => {
    const page = await t.client.getThreads({ first: 1 });
    const { status } = await t.graphql(
      'query($after: String) { threads(first: 1, after: $after, sortBy: { field: PRIORITY, direction: ASC }) { edges { cursor } } }',
      { after: page.data!.pageInfo.endCursor },
    );
    expect(status).toBe(400);
  });
});

describe('threadByRef and threadByExternalId', () => {
  it('finds a thread by its ref, and answers null for an unknown or malformed ref', async () => {
    expect((await t.client.getThreadByRef({ ref: refs['b login broken']! })).data?.id).toBe(
      ids['b login broken'],
    );
    expect((await t.client.getThreadByRef({ ref: 'T-999999' })).data).toBeNull();
    expect((await t.client.getThreadByRef({ ref: 'nonsense' })).data).toBeNull();
  });

  it("finds a thread by its customer's externalId, and only that customer's", async () => {
    const found = await t.client.getThreadByExternalId({ customerId: ada, externalId: 'ext-a' });
    expect(found.data?.id).toBe(ids['a refund please']);
    expect((await t.client.getThreadByExternalId({ customerId: bob, externalId: 'ext-a' })).data).toBeNull();
  });
});

describe('searchThreads', () => {
  const SEARCH = `query($term: String!, $filters: ThreadsFilter) {
    searchThreads(searchQuery: { term: $term }, filters: $filters) { edges { node { thread { title } } } }
  }`;
  const search = async (term: string, filters?: unknown) => {
    const { status, body } = await t.graphql(SEARCH, { term, filters });
    expect(status, JSON.stringify(body)).toBe(200);
    return body.data.searchThreads.edges.map((e: any) => e.node.thread.title);
  };

  it('finds threads by words of their title and description, by prefix and case-insensitively', async () => {
    expect(await search('REFUND')).toEqual(['a refund please']);
    expect(await search('invo')).toEqual(['c invoice copy']);
    expect(await search('sso button')).toEqual(['b login broken']);
    expect(await search('sso printer')).toEqual([]);
  });

  it("finds threads by their customer's name or email, and by ref", async () => {
    expect(await search('lovelace')).toEqual(['b login broken', 'a refund please']);
    expect(await search('analytical')).toEqual(['b login broken', 'a refund please']);
    expect(await search(refs['d question']!)).toEqual(['d question']);
  });

  it('answers a thread once when both its words and its customer match', async () => {
    const grace = await customer('Grace Hopper', 'grace@navy.example');
    await thread('Hopper compiler question', grace);
    await thread('unrelated', grace);
    expect(await search('hopper')).toEqual(['unrelated', 'Hopper compiler question']);
  });

  it('pages through matches, a full page from the newest rows and the rest from the search index', async () => {
    const PAGE = `query($after: String) {
      searchThreads(searchQuery: { term: "question" }, first: 1, after: $after) {
        edges { node { thread { title } } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const first = (await t.graphql(PAGE, {})).body.data.searchThreads;
    const second = (await t.graphql(PAGE, { after: first.pageInfo.endCursor })).body.data.searchThreads;
    expect([first, second].map((p: any) => p.edges.map((e: any) => e.node.thread.title))).toEqual([
      ['Hopper compiler question'],
      ['d question'],
    ]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
  });

  it('combines with filters', async () => {
    expect(await search('ada', { statuses: ['TODO'], labelTypeIds: [bug] })).toEqual(['b login broken']);
  });

  it('refuses a term under 2 characters, and survives search syntax', async () => {
    const { status, body } = await t.graphql(SEARCH, { term: 'a' });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(
      /^searchQuery.term: The search term must have at least 2 characters/,
    );
    expect(await search("refund & ! (:* '")).toEqual(['a refund please']);
  });
});

describe('permissions', () => {
  it.each([
    ['threads', '{ threads { edges { cursor } } }'],
    ['searchThreads', '{ searchThreads(searchQuery: { term: "refund" }) { edges { cursor } } }'],
    ['threadByRef', '{ threadByRef(ref: "T-1") { id } }'],
    ['threadByExternalId', '{ threadByExternalId(customerId: "c_x", externalId: "x") { id } }'],
  ])('%s needs thread:read', async (_name, query) => {
    const key = await createRestrictedKey(t, ['customer:read']);
    const { status, body } = await t.graphql(query, {}, key);
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({
      message: 'Insufficient permissions, missing "thread:read".',
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
