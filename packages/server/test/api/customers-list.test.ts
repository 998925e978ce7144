/** customers(filters, sortBy) with totalCount, through the official SDK's getCustomers. */
import { CustomersSortField, SortDirection } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;

/** Creates a customer through the SDK and returns its email, which the tests use as its name tag. */
async function customer(fullName: string, tag: string): Promise<string> {
  const email = `${tag}@example.com`;
  const result = await t.client.upsertCustomer({
    identifier: { emailAddress: email },
    onCreate: { fullName, email: { email, isVerified: true } },
    onUpdate: {},
  });
  expect(result.data?.result).toBe('CREATED');
  return email;
}

type Args = Parameters<TestServer['client']['getCustomers']>[0];
const DESC = { field: CustomersSortField.FullName, direction: SortDirection.Desc };

/** Every page of a list, read `size` at a time forward (first/after) or backward (last/before). */
async function readAll(
  args: Args,
  size: number,
  backward = false,
  between?: (round: number) => Promise<void>,
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let round = 0; ; round++) {
    const { data, error } = await t.client.getCustomers(
      backward ? { ...args, last: size, before: cursor } : { ...args, first: size, after: cursor },
    );
    expect(error).toBeUndefined();
    const emails = data!.customers.map((c) => c.email.email);
    if (backward) seen.unshift(...emails);
    else seen.push(...emails);
    await between?.(round);
    const more = backward ? data!.pageInfo.hasPreviousPage : data!.pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = (backward ? data!.pageInfo.startCursor : data!.pageInfo.endCursor) ?? undefined;
  }
}

const emailsOf = async (args: Args) =>
  (await t.client.getCustomers(args)).data!.customers.map((c) => c.email.email);

// Created in this order, so ULID ids rise with it: tie-breaks by id follow creation order.
const NAMES: [string, string][] = [
  ['zoe Quinn', 'zoe'],
  ['Ada Lovelace', 'ada'],
  ['bob Marley', 'bob'],
  ['Same Name', 'same1'],
  ['same name', 'same2'],
  ['SAME NAME', 'same3'],
  ['İzmir Kaya', 'izmir'],
  ['Izzy Stone', 'izzy'],
  ['Émile Zola', 'emile'],
];

beforeAll(async () => {
  t = await startTestServer();
  for (const [name, tag] of NAMES) await customer(name, tag);
});
afterAll(() => t.close());

describe('customers', () => {
  it('lists A to Z by full name without sortBy, case-insensitively, ties in creation order, with totalCount', async () => {
    const { data } = await t.client.getCustomers({});
    expect(data!.customers.map((c) => c.fullName)).toEqual([
      'Ada Lovelace',
      'bob Marley',
      'İzmir Kaya', // lowercased by the database to "izmir kaya"
      'Izzy Stone',
      'Same Name',
      'same name',
      'SAME NAME',
      'zoe Quinn',
      'Émile Zola', // "é" is after "z" in code point order (the C and C.UTF-8 collations)
    ]);
    expect(data!.totalCount).toBe(NAMES.length);
    expect(data!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('sorts Z to A with sortBy FULL_NAME DESC, ties in reverse creation order', async () => {
    const asc = await emailsOf({});
    expect(await emailsOf({ sortBy: DESC })).toEqual([...asc].reverse());
    const asAsc = await emailsOf({
      sortBy: { field: CustomersSortField.FullName, direction: SortDirection.Asc },
    });
    expect(asAsc).toEqual(asc);
  });

  it.each([1, 2, 4])(
    'reads the same order %i at a time forward and backward, in both directions, ties split across pages',
    async (size) => {
      const asc = await emailsOf({});
      expect(await readAll({}, size)).toEqual(asc);
      expect(await readAll({}, size, true)).toEqual(asc);
      expect(await readAll({ sortBy: DESC }, size)).toEqual([...asc].reverse());
      expect(await readAll({ sortBy: DESC }, size, true)).toEqual([...asc].reverse());
    },
  );

  it('counts every match in totalCount, whatever the page, and says which way more pages are', async () => {
    const first = await t.client.getCustomers({ first: 2 });
    expect(first.data).toMatchObject({
      totalCount: NAMES.length,
      pageInfo: { hasNextPage: true, hasPreviousPage: false },
    });
    const second = await t.client.getCustomers({ first: 2, after: first.data!.pageInfo.endCursor! });
    expect(second.data).toMatchObject({
      totalCount: NAMES.length,
      pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: expect.any(String) },
    });
    const empty = await t.client.getCustomers({ first: 0 });
    expect(empty.data).toMatchObject({ customers: [], totalCount: NAMES.length });
  });

  it('answers 400 BAD_USER_INPUT for a bad cursor, a cursor of another list and bad page arguments', async () => {
    const { body: threads } = await t.graphql('{ threads(first: 1) { pageInfo { endCursor } } }');
    const cases: [string, RegExp][] = [
      ['{ customers(after: "nonsense") { totalCount } }', /cursor "nonsense" is not valid/],
      [
        `{ customers(after: "${Buffer.from('[1,"x"]').toString('base64url')}") { totalCount } }`,
        /is not valid for this list/,
      ],
      ['{ customers(first: 101) { totalCount } }', /between 0 and 100/],
      ['{ customers(first: 1, last: 1) { totalCount } }', /either first or last/],
      ['{ customers(first: 1, before: "x") { totalCount } }', /first cannot be combined with before/],
    ];
    if (threads.data?.threads.pageInfo.endCursor) {
      cases.push([
        `{ customers(after: "${threads.data.threads.pageInfo.endCursor}") { totalCount } }`,
        /not valid/,
      ]);
    }
    for (const [query, message] of cases) {
      const { status, body } = await t.graphql(query);
      expect(status, query).toBe(400);
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(message);
    }
  });

  it('answers 400 naming filters.updatedAt.after for a date that is not ISO 8601', async () => {
    const { status, body } = await t.graphql(
      '{ customers(filters: { updatedAt: { after: "soon" } }) { totalCount } }',
    );
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^filters\.updatedAt\.after: Must be an ISO 8601 date-time/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('pages without duplicates or gaps while customers are created between page reads', async () => {
    const before = await emailsOf({ first: 100 });
    const added: { email: string; expected: boolean }[] = [];
    // Forward, two at a time. After the first page (Ada, bob) the cursor is at "bob marley".
    const seen = await readAll({}, 2, false, async (round) => {
      if (round === 0) {
        added.push({ email: await customer('Aaron Early', 'early'), expected: false }); // before the cursor
        added.push({ email: await customer('Same Name', 'same4'), expected: true }); // a tie, after the others
        added.push({ email: await customer('Zz Late', 'late'), expected: true });
      }
      if (round === 2) added.push({ email: await customer('Bo Before', 'bo'), expected: false });
    });
    expect(new Set(seen).size).toBe(seen.length);
    const now = await emailsOf({ first: 100 });
    // Exactly what existed, plus what was created after the cursor, in the list's order.
    const hidden = new Set(added.filter((a) => !a.expected).map((a) => a.email));
    expect(seen).toEqual(now.filter((email) => !hidden.has(email)));
    expect(before.every((email) => seen.includes(email))).toBe(true);
    expect(seen.indexOf('same4@example.com')).toBe(seen.indexOf('same3@example.com') + 1);

    // Backward, three at a time from the end of Z to A (the A names first): a customer created among the
    // pages still to read shows up, one among those already read does not.
    const seenBack = await readAll({ sortBy: DESC }, 3, true, async (round) => {
      if (round === 0) {
        await customer('Ab Added', 'ab');
        await customer('Yves Later', 'yves');
      }
    });
    const all = await emailsOf({ first: 100, sortBy: DESC });
    expect(seenBack).toContain('yves@example.com');
    expect(seenBack).toEqual(all.filter((email) => email !== 'ab@example.com'));
  });

  it('filters by updatedAt, after (inclusive) and before (exclusive), counting what matches', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const renamed = await t.client.upsertCustomer({
      identifier: { emailAddress: 'bob@example.com' },
      onCreate: { fullName: 'x', email: { email: 'bob@example.com', isVerified: true } },
      onUpdate: { fullName: { value: 'Bob Marley' } },
    });
    const updatedAt = renamed.data!.customer.updatedAt.iso8601;
    const after = await t.client.getCustomers({ filters: { updatedAt: { after: since } } });
    expect(after.data!.customers.map((c) => c.fullName)).toEqual(['Bob Marley']);
    expect(after.data!.totalCount).toBe(1);
    expect(
      (await t.client.getCustomers({ filters: { updatedAt: { after: updatedAt } } })).data!.totalCount,
    ).toBe(1);
    const untilThen = await t.client.getCustomers({ filters: { updatedAt: { before: since } } });
    expect(untilThen.data!.customers.map((c) => c.email.email)).not.toContain('bob@example.com');
    expect(untilThen.data!.totalCount).toBe((await t.client.getCustomers({})).data!.totalCount - 1);
    const none = await t.client.getCustomers({ filters: { updatedAt: { after: since, before: since } } });
    expect(none.data).toMatchObject({ customers: [], totalCount: 0 });
  });

  it('needs customer:read', async () => {
    const key = await createRestrictedKey(t, ['thread:read']);
    const { status, body } = await t.graphql('{ customers { totalCount } }', {}, key);
    expect(status).toBe(403);
    expect(body.errors[0].message).toBe('Insufficient permissions, missing "customer:read".');
    const allowed = await t.graphql(
      '{ customers { totalCount } }',
      {},
      await createRestrictedKey(t, ['customer:read']),
    );
    expect(allowed.status).toBe(200);
  });
});
