/**
 * Live changes across server processes on one PostgreSQL (NOTIFY): a browser connected to one process
 * hears a change made through another. PostgreSQL runs only: PGlite is one process.
 */
import { randomBytes } from 'node:crypto';
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Server, startServer } from '../../src/server.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let location: TestDbLocation | undefined;
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  await location?.drop();
});

describe.skipIf(!onPostgres)('live changes between processes', () => {
  it('reach a stream on one server from a change made through another', async () => {
    location = await createTestDbLocation();
    const apiKey = `test_${randomBytes(16).toString('hex')}`;
    const config = loadConfig({
      ...location.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      THREADLINE_API_KEY: apiKey,
    });
    servers.push(await startServer(config), await startServer(config));
    const [listening, writing] = servers as [Server, Server];

    const controller = new AbortController();
    const res = await fetch(`${listening.url}/live`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: controller.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ': connected'

    const client = new PlainClient({ apiKey, apiUrl: `${writing.url}/graphql/v1` });
    await client.upsertCustomer({
      identifier: { emailAddress: 'relay@example.com' },
      onCreate: { fullName: 'Relay', email: { email: 'relay@example.com', isVerified: true } },
      onUpdate: {},
    });
    let text = '';
    const until = Date.now() + 2000;
    while (!text.includes('event: customer') && Date.now() < until) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    controller.abort();
    expect(text).toMatch(
      /event: customer\ndata: \{"customerId":"c_\w+","type":"customer.customer_created"\}/,
    );
  });
});
