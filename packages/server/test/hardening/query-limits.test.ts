/**
 * Issue 7, limits against hostile GraphQL, over HTTP: each refusal is a 400 with its own
 * `extensions.code` that the official SDK reports as bad_request, answered before graphql-js
 * validates (an alias bomb costs milliseconds), and introspection follows THREADLINE_INTROSPECTION.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/http/query-limits.js';
import { reportTestsOfThisFile } from '../support/suite-results.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

reportTestsOfThisFile('query limits');

let t: TestServer;
let closed: TestServer;
beforeAll(async () => {
  [t, closed] = await Promise.all([startTestServer(), startTestServer({ THREADLINE_INTROSPECTION: 'off' })]);
});
afterAll(() => Promise.all([t.close(), closed.close()]));

const deep = `{ myWorkspace { ${'createdBy { ... on MachineUserActor { machineUser { '.repeat(10)} id ${'} } }'.repeat(10)} } }`;
const aliasBomb = `{ myWorkspace { ${Array.from({ length: 20_000 }, (_, i) => `a${i}: id`).join(' ')} } }`;

describe('query limits over HTTP', () => {
  it.each([
    ['QUERY_TOO_DEEP', deep, /20 levels|at most 20/],
    [
      'TOO_MANY_ALIASES',
      `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      /51 aliases/,
    ],
    ['TOO_MANY_ROOT_FIELDS', `{ ${'__typename '.repeat(21)} }`, /21 root fields/],
    [
      'QUERY_TOO_COMPLEX',
      `query Big { threads(first: 100) { edges { node { timelineEntries(first: 100) { edges { node { ${'id '.repeat(30)} } } } } } } }`,
      /Operation "Big" costs \d+; at most 250000/,
    ],
    ['QUERY_TOO_LARGE', `{ ${'__typename '.repeat(QUERY_LIMITS.tokens)} }`, /tokens/],
  ])('answers 400 %s, with a message saying why', async (code, query, message) => {
    for (let i = 0; i < 2; i++) {
      const { status, body } = await t.graphql(query);
      expect(status).toBe(400);
      expect(body).toEqual({
        errors: [
          { message: expect.stringMatching(message), locations: expect.any(Array), extensions: { code } },
        ],
      });
    }
  });

  it('refuses an alias bomb before validation, quickly, and keeps serving', async () => {
    const started = performance.now();
    const { status, body } = await t.graphql(aliasBomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
    const half = `{ myWorkspace { ${Array.from({ length: 3000 }, (_, i) => `a${i}: id`).join(' ')} } }`;
    const second = await t.graphql(half);
    expect(second.body.errors[0].extensions.code).toBe('TOO_MANY_ALIASES');
    expect((await t.graphql('{ myWorkspace { id } }')).status).toBe(200);
  });

  it('is reported by the official SDK (rawRequest) as bad_request with the error and its code', async () => {
    const result = await t.client.rawRequest({ query: `{ ${'__typename '.repeat(21)} }`, variables: {} });
    expect(result.error).toMatchObject({
      type: 'bad_request',
      graphqlErrors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_ROOT_FIELDS' } })],
    });
  });
});

describe('introspection', () => {
  it('is served to an authenticated caller by default', async () => {
    const { status, body } = await t.graphql(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it('is refused without a key, as every GraphQL request is', async () => {
    const res = await fetch(t.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(res.status).toBe(401);
  });

  it('is refused with 400 INTROSPECTION_DISABLED when THREADLINE_INTROSPECTION=off, __typename still works', async () => {
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Thread") { name } }']) {
      const { status, body } = await closed.graphql(query);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('INTROSPECTION_DISABLED');
    }
    const { status, body } = await closed.graphql('{ __typename myWorkspace { __typename id } }');
    expect(status).toBe(200);
    expect(body.data.myWorkspace.__typename).toBe('Workspace');
  });
});

describe('query text', () => {
  it('refuses a JSON-encoded AST in place of GraphQL text (Mercurius would run it) with 400 GRAPHQL_PARSE_FAILED', async () => {
    const ast = {
      kind: 'Document',
      definitions: [
        {
          kind: 'OperationDefinition',
          operation: 'query',
          selectionSet: {
            kind: 'SelectionSet',
            selections: [{ kind: 'Field', name: { kind: 'Name', value: '__typename' } }],
          },
        },
      ],
    };
    for (const query of [JSON.stringify(ast), '{}', '1', 'null']) {
      const { status, body } = await t.graphql(query);
      expect(status).toBe(400);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it.each(['', '1', '[]', '"x"', 'x'])(
    'answers GET with variables=%j with 400 BAD_USER_INPUT (an empty one was a 500)',
    async (variables) => {
      const res = await fetch(
        `${t.apiUrl}?query=${encodeURIComponent('{ myWorkspace { id } }')}&variables=${encodeURIComponent(variables)}`,
        { headers: { authorization: `Bearer ${t.apiKey}` } },
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toMatch(/^(BAD_USER_INPUT|BAD_REQUEST)$/);
    },
  );
});
