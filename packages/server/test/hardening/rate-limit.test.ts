/**
 * Issue 7, rate limiting as Plain does it: x-ratelimit-* headers on every authenticated answer, and
 * past the limit HTTP 429 with Plain's body, which the official SDK 5.12.1 cannot read (it throws a
 * TypeError, contract §1). Two servers on one database share the limit.
 */
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Server, startServer } from '../../src/server.js';
import { createRestrictedKey } from '../support/api-keys.js';
import { reportTestsOfThisFile } from '../support/suite-results.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PLAIN_429 = {
  errors: [{ message: 'Too Many Requests - Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }],
};

reportTestsOfThisFile('rate limits');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ THREADLINE_RATE_LIMIT_PER_KEY: '5', THREADLINE_RATE_LIMIT_PER_WORKSPACE: '8' });
});
afterAll(() => t.close());

describe('rate limiting', () => {
  it('counts down in x-ratelimit-* headers, then answers 429 with Plain body, and the SDK throws a TypeError', async () => {
    const key = await createRestrictedKey(t, ['workspace:read']);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await t.graphql('{ myWorkspace { id } }', undefined, key));
    expect(answers.map((a) => [a.status, a.headers.get('x-ratelimit-remaining')])).toEqual([
      [200, '4'],
      [200, '3'],
      [200, '2'],
      [200, '1'],
      [200, '0'],
      [429, '0'],
    ]);
    const refused = answers[5]!;
    expect(refused.body).toEqual(PLAIN_429);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('5');
    const reset = Date.parse(refused.headers.get('x-ratelimit-reset')!);
    expect(refused.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(reset - Date.now()).toBeGreaterThan(0);
    expect(reset - Date.now()).toBeLessThanOrEqual(60_000);
    expect(refused.headers.get('apigw-requestid')).toBeTruthy();

    // What the official client does with it: no rate-limit error type; data is undefined and the
    // method throws while unwrapping it (reference/plain-api-contract.md §1).
    const client = new PlainClient({ apiKey: key, apiUrl: t.apiUrl });
    await expect(client.getMyWorkspace()).rejects.toThrow(TypeError);
  });

  it('limits the workspace across its keys, and says so in the headers', async () => {
    const w = await startTestServer({
      THREADLINE_RATE_LIMIT_PER_KEY: '100',
      THREADLINE_RATE_LIMIT_PER_WORKSPACE: '6',
    });
    try {
      const other = await createRestrictedKey(w, ['workspace:read']); // 2 requests of the bootstrap key
      const answers = [];
      for (let i = 0; i < 6; i++)
        answers.push(await w.graphql('{ myWorkspace { id } }', undefined, i % 2 ? other : undefined));
      expect(
        answers.map((a) => [
          a.status,
          a.headers.get('x-ratelimit-limit'),
          a.headers.get('x-ratelimit-remaining'),
        ]),
      ).toEqual([
        [200, '6', '3'],
        [200, '6', '2'],
        [200, '6', '1'],
        [200, '6', '0'],
        [429, '6', '0'],
        [429, '6', '0'],
      ]);
    } finally {
      await w.close();
    }
  });

  it('does not count or answer requests without a valid key with rate-limit headers', async () => {
    const res = await t.graphql('{ myWorkspace { id } }', undefined, 'nope');
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('two server processes on one database', () => {
  let location: TestDbLocation;
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await s.app.close();
    for (const db of new Set(servers.map((s) => s.db))) await db.close();
    await location?.drop();
  });

  it('share one limit: 20 requests per key per minute in sum, whichever server answers', async () => {
    location = await createTestDbLocation();
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      THREADLINE_API_KEY: t.apiKey,
      THREADLINE_RATE_LIMIT_PER_KEY: '20',
      THREADLINE_RATE_LIMIT_PER_WORKSPACE: '0',
      ...location.env,
    };
    if (location.engine === 'postgres') {
      // Two pools, as two processes would have.
      for (let i = 0; i < 2; i++) servers.push(await startServer(loadConfig(env)));
    } else {
      // One PGlite directory cannot be opened twice; the two servers share its one connection.
      const first = await startServer(loadConfig(env));
      servers.push(first, await startServer(loadConfig(env), { db: first.db }));
    }
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${servers[i % 2]!.url}/graphql/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        }).then((r) => r.status),
      ),
    );
    const allowed = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(allowed).toBe(20);
  });
});
