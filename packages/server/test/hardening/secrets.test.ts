/**
 * Secrets: API keys are stored only as hashes and never written to the logs, even at trace level;
 * the webhook signing secret reaches only callers holding webhookSigningSecret:read.
 */

import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { newApiKey, spawnServer } from '../support/server-process.js';
import { reportTestsOfThisFile } from '../support/suite-results.js';
import { createTestDbLocation } from '../support/test-db.js';

reportTestsOfThisFile('secrets');

describe('secrets', () => {
  it('keeps API keys and the signing secret out of logs and stores keys only hashed', async () => {
    const location = await createTestDbLocation();
    const apiKey = newApiKey();
    const server = await spawnServer({ ...location.env, LOG_LEVEL: 'trace' }, apiKey);
    const call = (query: string, key = apiKey, variables?: unknown) =>
      fetch(`${server.url}/graphql/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      }).then((res) => res.json() as Promise<any>);
    let made: string;
    let signing: string;
    try {
      const machineUser = await call(
        'mutation { createMachineUser(input: { publicName: "m", fullName: "m" }) { machineUser { id } } }',
      );
      const created = await call(
        'mutation ($id: ID!) { createApiKey(input: { machineUserId: $id, permissions: ["thread:read"] }) { apiKeySecret } }',
        apiKey,
        { id: machineUser.data.createMachineUser.machineUser.id },
      );
      made = created.data.createApiKey.apiKeySecret;
      expect(made).toMatch(/^threadlineApiKey_/);
      await call('{ myPermissions { permissions } }', made);
      await call('{ myPermissions { permissions } }', `${made}x`); // an unknown key, logged as a 401
      signing = (await call('{ webhookSigningSecret { secret } }')).data.webhookSigningSecret.secret;
      const denied = await call('{ webhookSigningSecret { secret } }', made);
      expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(JSON.stringify(denied)).not.toContain(signing);
    } finally {
      await server.stop();
    }
    const logs = server.output();
    expect(logs.length).toBeGreaterThan(1000); // trace logging did write
    for (const secret of [apiKey, made, signing]) expect(logs).not.toContain(secret);

    // In the database: hashes only.
    const dump =
      location.engine === 'postgres'
        ? await (async () => {
            const client = new pg.Client({ connectionString: location.env.DATABASE_URL });
            await client.connect();
            const rows = await client.query('SELECT * FROM api_keys');
            await client.end();
            return JSON.stringify(rows.rows);
          })()
        : await (async () => {
            const db = await PGlite.create({ dataDir: location.env.THREADLINE_DATA_DIR });
            const rows = await db.query('SELECT * FROM api_keys');
            await db.close();
            return JSON.stringify(rows.rows);
          })();
    expect(dump).toContain('secret_hash');
    for (const secret of [apiKey, made]) expect(dump).not.toContain(secret);
    await location.drop();
  }, 90_000);
});
