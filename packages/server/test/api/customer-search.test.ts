/** searchCustomers(searchQuery) through raw GraphQL (the official SDK has no call for it). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestrictedKey } from '../support/api-keys.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;

const SEARCH = `query($q: CustomersSearchQuery!, $first: Int, $after: String, $last: Int, $before: String) {
  searchCustomers(searchQuery: $q, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { email { email } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** The emails of the customers a search finds (the tests' name tags), checking it answered 200. */
async function search(q: unknown, page: Record<string, unknown> = {}): Promise<string[]> {
  const { status, body } = await t.graphql(SEARCH, { q, ...page });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.searchCustomers.edges.map(
    (e: { node: { email: { email: string } } }) => e.node.email.email,
  );
}

const fullName = (text: string) => ({ or: [{ fullName: { caseInsensitiveContains: text } }] });
const email = (text: string) => ({ or: [{ email: { caseInsensitiveContains: text } }] });

beforeAll(async () => {
  t = await startTestServer();
  const customers: [string, string, string | null, string | null][] = [
    ['Ada Lovelace', 'ada@analytical.example', 'crm-ada-1', 'Ada'],
    ['Grace Hopper', 'grace@navy.example', 'CRM-GRACE-2', null],
    ['Émile Zola', 'emile@paris.example', null, 'Mimi'],
    ['İzmir Kaya', 'kaya@example.com', null, null],
    ['Lace Maker', 'lacemaker@example.com', 'aker-7', null],
    ['Bob Marley', 'bob@example.com', null, null],
  ];
  for (const [name, address, externalId, shortName] of customers) {
    const result = await t.client.upsertCustomer({
      identifier: { emailAddress: address },
      onCreate: { fullName: name, shortName, email: { email: address, isVerified: true }, externalId },
      onUpdate: {},
    });
    expect(result.data?.result).toBe('CREATED');
  }
});
afterAll(() => t.close());

describe('searchCustomers', () => {
  it('finds a customer by the start of a word of the full name, in any case', async () => {
    expect(await search(fullName('ada'))).toEqual(['ada@analytical.example']);
    expect(await search(fullName('LOVE'))).toEqual(['ada@analytical.example']);
    expect(await search(fullName('ada love'))).toEqual(['ada@analytical.example']);
    expect(await search(fullName('gRaCe hOp'))).toEqual(['grace@navy.example']);
  });

  it('compares letters beyond ASCII case-insensitively, as the database lowercases them', async () => {
    expect(await search(fullName('émile'))).toEqual(['emile@paris.example']);
    expect(await search(fullName('ÉMILE ZO'))).toEqual(['emile@paris.example']);
    expect(await search(fullName('İzmir'))).toEqual(['kaya@example.com']);
    expect(await search(fullName('izmir'))).toEqual(['kaya@example.com']);
  });

  it('finds by a prefix of the email, or of any word in it, with its punctuation', async () => {
    expect(await search(email('ad'))).toEqual(['ada@analytical.example']);
    expect(await search(email('ada@ana'))).toEqual(['ada@analytical.example']);
    expect(await search(email('ANALYTICAL.EX'))).toEqual(['ada@analytical.example']);
    expect(await search(email('@navy'))).toEqual(['grace@navy.example']);
    expect(await search(email('ada@navy'))).toEqual([]);
  });

  it('finds by externalId and shortName', async () => {
    const byExternalId = (text: string) =>
      search({ or: [{ externalId: { caseInsensitiveContains: text } }] });
    expect(await byExternalId('crm-grace')).toEqual(['grace@navy.example']);
    expect(await byExternalId('CRM')).toEqual(['ada@analytical.example', 'grace@navy.example']);
    expect(await search({ or: [{ shortName: { caseInsensitiveContains: 'mimi' } }] })).toEqual([
      'emile@paris.example',
    ]);
  });

  it('does not match the middle of a word', async () => {
    expect(await search(fullName('velace'))).toEqual([]);
    expect(await search(email('nalytical'))).toEqual([]);
  });

  it('looks only in the field the condition names', async () => {
    // "analytical" is in Ada's email, not her name. "aker" starts a word of Lace Maker's externalId and
    // is inside her name, but starts no word of it.
    expect(await search(fullName('analytical'))).toEqual([]);
    expect(await search(fullName('aker'))).toEqual([]);
    expect(await search({ or: [{ externalId: { caseInsensitiveContains: 'aker' } }] })).toEqual([
      'lacemaker@example.com',
    ]);
  });

  it('finds customers matching any condition, once each, A to Z by full name', async () => {
    expect(
      await search({
        or: [
          { fullName: { caseInsensitiveContains: 'zola' } },
          { email: { caseInsensitiveContains: 'bob@' } },
          { fullName: { caseInsensitiveContains: 'bob' }, externalId: { caseInsensitiveContains: 'crm' } },
        ],
      }),
    ).toEqual(['ada@analytical.example', 'bob@example.com', 'grace@navy.example', 'emile@paris.example']);
  });

  it('matches nothing for an empty or', async () => {
    expect(await search({ or: [] })).toEqual([]);
    expect(await search({})).toEqual([]);
  });

  it('pages forward and backward through the results', async () => {
    const q = { or: [{ email: { caseInsensitiveContains: 'example' } }] };
    const all = await search(q);
    expect(all).toHaveLength(6);
    const first = await t.graphql(SEARCH, { q, first: 4 });
    const page1 = first.body.data.searchCustomers;
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await search(q, { first: 4, after: page1.pageInfo.endCursor });
    expect([...page1.edges.map((e: any) => e.node.email.email), ...rest]).toEqual(all);
    const last = await t.graphql(SEARCH, { q, last: 2 });
    expect(last.body.data.searchCustomers.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const earlier = await search(q, { last: 4, before: last.body.data.searchCustomers.pageInfo.startCursor });
    expect([...earlier, ...last.body.data.searchCustomers.edges.map((e: any) => e.node.email.email)]).toEqual(
      all,
    );
  });

  it('answers 400 naming each text under 2 characters or without a letter or digit', async () => {
    const { status, body } = await t.graphql(SEARCH, {
      q: {
        or: [
          { fullName: { caseInsensitiveContains: 'ada' } },
          { email: { caseInsensitiveContains: ' a ' }, externalId: { caseInsensitiveContains: '--' } },
        ],
      },
    });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toBe(
      'searchQuery.or.1.email.caseInsensitiveContains: Must have at least 2 characters, with a letter or digit. ' +
        'searchQuery.or.1.externalId.caseInsensitiveContains: Must have at least 2 characters, with a letter or digit.',
    );
  });

  it('answers 400 for a text over 500 characters and for a bad cursor', async () => {
    const long = await t.graphql(SEARCH, { q: email('x'.repeat(501)) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].message).toMatch(/^searchQuery\.or\.0\.email\.caseInsensitiveContains: /);
    const cursor = await t.graphql(SEARCH, { q: email('ada'), after: 'nonsense' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].message).toMatch(/cursor "nonsense" is not valid/);
  });

  it('needs customer:read', async () => {
    const query = '{ searchCustomers(searchQuery: { or: [] }) { edges { cursor } } }';
    const denied = await t.graphql(query, {}, await createRestrictedKey(t, ['thread:read']));
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].message).toBe('Insufficient permissions, missing "customer:read".');
    const allowed = await t.graphql(query, {}, await createRestrictedKey(t, ['customer:read']));
    expect(allowed.body).toEqual({ data: { searchCustomers: { edges: [] } } });
  });
});
