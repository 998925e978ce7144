import { randomBytes } from 'node:crypto';
import { PlainClient } from '@team-plain/typescript-sdk';
import { loadConfig } from '../../src/config.js';
import { type Server, type ServerOptions, startServer } from '../../src/server.js';
import { createTestDb, type TestDb } from './test-db.js';

/** A real Threadline on a random port, with the official client pointed at it. */
export interface TestServer {
  server: Server;
  testDb: TestDb;
  /** The GraphQL endpoint, as the official client's apiUrl. */
  apiUrl: string;
  /** The bootstrap key, which holds every permission. */
  apiKey: string;
  /** The official SDK, changed only in apiUrl and apiKey. */
  client: PlainClient;
  /** Posts a raw GraphQL request with the bootstrap key (or `apiKey`), as seed 000 does with fetch. */
  graphql(
    query: string,
    variables?: unknown,
    apiKey?: string,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/**
 * Starts a server on a fresh copy of the test database, on 127.0.0.1 and a random port. `options`
 * replaces defaults that are not configuration (sign-in delays).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Omit<ServerOptions, 'db'> = {},
): Promise<TestServer> {
  const testDb = await createTestDb();
  const apiKey = `test_${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    THREADLINE_API_KEY: apiKey,
    ...env,
  });
  const server = await startServer(config, { ...options, db: testDb.db });
  const apiUrl = `${server.url}/graphql/v1`;
  return {
    server,
    testDb,
    apiUrl,
    apiKey,
    client: new PlainClient({ apiKey, apiUrl }),
    async graphql(query, variables, key = apiKey) {
      const res = await fetch(apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async close() {
      await server.app.close();
      await testDb.drop();
    },
  };
}
