/**
 * What threads(...) and searchThreads(...) mean where a reading of Plain's schema leaves a choice:
 * threads without a sort field, several conditions on one field, `not` over an assignee, words of
 * one character, letters outside ASCII. Through the official SDK where it has the call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
let customerId: string;
let machineUserId: string;

async function createSchema(key: string, type: string, enumValues: string[] = []) {
  const { body } = await t.graphql(
    'mutation($input: CreateThreadFieldSchemaInput!) { createThreadFieldSchema(input: $input) { error { message } } }',
    {
      input: {
        key,
        label: key,
        description: '',
        order: 0,
        type,
        enumValues,
        isRequired: false,
        isAiAutoFillEnabled: false,
      },
    },
  );
  expect(body.data.createThreadFieldSchema.error).toBeNull();
}

async function thread(title: string, extra: Record<string, unknown> = {}) {
  const result = await t.client.createThread({ title, customerIdentifier: { customerId }, ...extra });
  expect(result.error).toBeUndefined();
  return result.data!.id;
}

async function titles(args: Parameters<TestServer['client']['getThreads']>[0]): Promise<string[]> {
  const result = await t.client.getThreads(args);
  expect(result.error).toBeUndefined();
  return result.data!.threads.map((th) => th.title);
}

const seats = (n: number) => ({ threadFields: [{ key: 'seats', type: 'NUMBER' as any, numberValue: n }] });
const area = (value: string) => ({
  threadFields: [{ key: 'area', type: 'ENUM' as any, stringValue: value }],
});

beforeAll(async () => {
  t = await startTestServer();
  const email = 'semantics@example.com';
  const customer = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName: 'Zoë Ångström', email: { email, isVerified: true } },
    onUpdate: {},
  });
  customerId = customer.data!.customer.id;
  machineUserId = (await t.graphql('{ myMachineUser { id } }')).body.data.myMachineUser.id;
  await createSchema('seats', 'NUMBER');
  await createSchema('area', 'ENUM', ['billing', 'security', 'sales']);
  // Creation order is title order.
  await thread('a none');
  await thread('b seats 10', { ...seats(10), description: 'Café au lait' });
  await thread('c seats 2', seats(2));
  await thread('d none');
  await thread('e seats 10', seats(10));
  await thread('f billing', area('billing'));
  await thread('g security', area('security'));
  await thread('h sales', area('sales'));
  const assigned = await thread('i assigned');
  await t.client.assignThread({ threadId: assigned, machineUserId });
});

afterAll(() => t.close());

describe('sorting by a thread field', () => {
  const by = (direction: 'ASC' | 'DESC') => ({
    sortBy: { field: 'THREAD_FIELD' as any, direction: direction as any, threadFieldKey: 'seats' },
  });

  it('puts threads without the field last in both directions, ties by id', async () => {
    const asc = await titles({ ...by('ASC'), first: 3 });
    expect(asc).toEqual(['c seats 2', 'b seats 10', 'e seats 10']);
    const desc = await titles({ ...by('DESC'), first: 3 });
    expect(desc).toEqual(['e seats 10', 'b seats 10', 'c seats 2']);
    const descAll = await titles({ ...by('DESC'), first: 100 });
    expect(descAll).toHaveLength(9);
    // The threads without the field, newest first (by id, descending, like the values' ties).
    expect(descAll.slice(3)).toEqual([
      'i assigned',
      'h sales',
      'g security',
      'f billing',
      'd none',
      'a none',
    ]);
  });

  it('pages across the threads without the field forward and backward, without repeats or gaps', async () => {
    const all = await titles({ ...by('DESC'), first: 100 });
    const forward: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await t.client.getThreads({ ...by('DESC'), first: 2, after });
      forward.push(...page.data!.threads.map((th) => th.title));
      if (!page.data!.pageInfo.hasNextPage) break;
      after = page.data!.pageInfo.endCursor!;
    }
    expect(forward).toEqual(all);
    const backward: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await t.client.getThreads({ ...by('DESC'), last: 2, before });
      backward.unshift(...page.data!.threads.map((th) => th.title));
      if (!page.data!.pageInfo.hasPreviousPage) break;
      before = page.data!.pageInfo.startCursor!;
    }
    expect(backward).toEqual(all);
  });
});

describe('filters', () => {
  it('takes several conditions on one field as alternatives, on different fields as all holding', async () => {
    const areas = [
      { key: 'area', stringValue: 'billing' },
      { key: 'area', stringValue: 'security' },
    ];
    expect(await titles({ filters: { threadFields: areas } })).toEqual(['g security', 'f billing']);
    expect(
      await titles({ filters: { threadFields: [...areas, { key: 'seats', number: { gte: 0 } }] } }),
    ).toEqual([]);
  });

  it('keeps unassigned threads in not(assignedToUser)', async () => {
    const notMine = await titles({ filters: { not: { assignedToUser: [machineUserId] } }, first: 100 });
    expect(notMine).toHaveLength(8);
    expect(notMine).not.toContain('i assigned');
  });

  it('matches nothing with an empty list, as with an empty or', async () => {
    expect(await titles({ filters: { statuses: [] } })).toEqual([]);
    expect(await titles({ filters: { or: [] } })).toEqual([]);
  });
});

describe('searchThreads words', () => {
  const SEARCH = `query($term: String!) {
    searchThreads(searchQuery: { term: $term }) { edges { node { thread { title } } } }
  }`;
  const search = async (term: string) => {
    const { status, body } = await t.graphql(SEARCH, { term });
    expect(status, JSON.stringify(body)).toBe(200);
    return body.data.searchThreads.edges.map((e: any) => e.node.thread.title);
  };

  it('finds words with letters outside ASCII, in the thread and in its customer, on either database', async () => {
    expect(await search('café')).toEqual(['b seats 10']);
    expect(await search('CAFÉ AU')).toEqual(['b seats 10']);
    expect(await search('ångström')).toHaveLength(9);
  });

  it('matches a one-character word whole, and longer words by their start', async () => {
    // 'c' is a word of "c seats 2"; as a prefix it would also find "Café" in b's description.
    expect(await search('seats c')).toEqual(['c seats 2']);
    expect(await search('seats 1')).toEqual([]);
    expect(await search('seat 10')).toEqual(['e seats 10', 'b seats 10']);
  });

  it('refuses a term over 200 characters', async () => {
    const { status, body } = await t.graphql(SEARCH, { term: 'x'.repeat(201) });
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('searchQuery.term: Must have at most 200 character(s).');
  });
});
