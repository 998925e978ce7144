/**
 * The wire contract of reference/plain-api-contract.md §1 and §10: status codes, error shapes the
 * official SDK recognises, the request id header, and clear JSON answers to malformed requests.
 */
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.apiUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.apiKey}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

describe('authentication', () => {
  it('answers 401 UNAUTHENTICATED without an Authorization header, and the SDK reports forbidden', async () => {
    const res = await fetch(t.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ myWorkspace { id } }' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'Authentication required: send the header "Authorization: Bearer <API key>".',
          locations: [],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  it('answers 401 for an unknown key, which the SDK reports as forbidden with the server message', async () => {
    const client = new PlainClient({ apiKey: 'plainApiKey_not_a_real_key', apiUrl: t.apiUrl });
    const result = await client.getMyWorkspace();
    expect(result.error).toMatchObject({
      type: 'forbidden',
      message: 'Authentication failed. Please check the provided API key.',
      requestId: expect.any(String),
    });
  });

  it.each(['/graphql/v%31', '/%67raphql/v1', '/graphql/%761', '/graphql'])(
    'refuses %s without a key: every spelling of the GraphQL path is authenticated',
    async (path) => {
      for (const query of ['{ __schema { queryType { name } } }', '{ myPermissions { permissions } }']) {
        const res = await fetch(`${t.server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect(res.status).toBe(401);
        expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    },
  );

  it('authenticates GET requests to the GraphQL path too', async () => {
    const res = await fetch(`${t.apiUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(401);
  });

  it('serves /graphql as an alias of /graphql/v1', async () => {
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl.replace('/graphql/v1', '/graphql') });
    const result = await client.getMyWorkspace();
    expect(result.data?.id).toBe(t.server.bootstrap.workspace.id);
  });
});

describe('GraphQL request errors', () => {
  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED and its location', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ myWorkspace { id }' }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: expect.stringContaining('Syntax Error'),
        locations: [{ line: 1, column: expect.any(Number) }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    ]);
  });

  it('answers a field we do not have with 400 GRAPHQL_VALIDATION_FAILED, which the SDK reports as bad_request', async () => {
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });
    const result = await client.getTenants({});
    expect(result.error).toMatchObject({
      type: 'bad_request',
      graphqlErrors: [
        expect.objectContaining({
          message: 'Cannot query field "tenants" on type "Query".',
          locations: [expect.objectContaining({ line: expect.any(Number) })],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ],
    });
  });

  it('answers variables of the wrong type with 400 BAD_USER_INPUT, also once the query is compiled', async () => {
    const query = 'mutation($input: CreateThreadInput!) { createThread(input: $input) { error { code } } }';
    for (let i = 0; i < 3; i++) {
      const { status, body } = await post(JSON.stringify({ query, variables: { input: 5 } }));
      expect(status).toBe(400);
      expect(body.errors[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        locations: expect.any(Array),
      });
    }
  });

  it('accepts variables: null, as the SDK sends for getMyWorkspace', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ myWorkspace { id } }', variables: null }));
    expect(status).toBe(200);
    expect(body.data.myWorkspace.id).toBe(t.server.bootstrap.workspace.id);
  });

  it('never answers 200 with data null', async () => {
    const queries = ['{ nope }', '{ myWorkspace { nope } }', 'mutation { createThread { error { code } } }'];
    for (const query of queries) {
      const { status } = await post(JSON.stringify({ query }));
      expect(status).not.toBe(200);
    }
  });
});

describe('malformed HTTP requests', () => {
  it('answers malformed JSON with 400 and a JSON error', async () => {
    const { status, body } = await post('{"query": ');
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ locations: [], extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers an unsupported content type with 415 and a JSON error', async () => {
    const { status, body } = await post('{ myWorkspace { id } }', { 'content-type': 'text/plain' });
    expect(status).toBe(415);
    expect(body.errors[0]).toMatchObject({ locations: [], extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a body over the limit with 413 and a JSON error', async () => {
    const { status, body } = await post(
      JSON.stringify({ query: `{ myWorkspace { id } } #${'x'.repeat(3_000_000)}` }),
    );
    expect(status).toBe(413);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
  });

  it('answers a body without a query with 400 and a JSON error', async () => {
    const { status, body } = await post(JSON.stringify({ variables: {} }));
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBeDefined();
  });
});

describe('request ids', () => {
  it('sends apigw-requestid on every answer, and the SDK carries it into errors', async () => {
    const client = new PlainClient({ apiKey: t.apiKey, apiUrl: t.apiUrl });
    const result = await client.createThread({
      title: 'x',
      customerIdentifier: { customerId: 'c_01H14DFQ4PDYBH398J1E99TWSS' },
    });
    expect(result.error).toMatchObject({
      type: 'mutation_error',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const { headers } = await post(JSON.stringify({ query: '{ myWorkspace { id } }' }));
    expect(headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health and GraphiQL', () => {
  it('answers /healthz with 200 once ready', async () => {
    const res = await fetch(`${t.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphiQL to a browser', async () => {
    const res = await fetch(`${t.server.url}/graphiql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});

describe('unexpected failures', () => {
  it('answers 500 with a masked JSON error when the database is gone, and /healthz says 503', async () => {
    const broken = await startTestServer();
    try {
      // Authenticate once so the key is cached, then take the database away.
      await broken.client.getMyWorkspace();
      await broken.testDb.db.close();
      const { status, body } = await broken.graphql('{ customer(customerId: "c_1") { id } }');
      expect(status).toBe(500);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error.',
          locations: expect.any(Array),
          path: ['customer'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      const sdkResult = await broken.client.getCustomerById({ customerId: 'c_1' });
      expect(sdkResult.error).toMatchObject({ type: 'internal_server_error' });
      expect((await fetch(`${broken.server.url}/healthz`)).status).toBe(503);
    } finally {
      await broken.server.app.close();
      await broken.testDb.drop();
    }
  });
});
