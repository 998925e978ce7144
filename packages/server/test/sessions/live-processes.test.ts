/**
 * Live changes across server processes on one PostgreSQL (NOTIFY): a browser connected to one process
 * hears a change made through another. PostgreSQL runs only: PGlite is one process.
 */
import { randomBytes } from 'node:crypto';
import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Server, startServer } from '../../src/server.js';
import { terminateListeners } from '../support/listeners.js';
import { createTestDbLocation, type TestDbLocation } from '../support/test-db.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const apiKey = `test_${randomBytes(16).toString('hex')}`;
let location: TestDbLocation | undefined;
const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  await location?.drop();
});

/** A /live stream of `server`, read until a frame matches. */
async function openStream(server: Server) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/live`, {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: controller.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  await reader.read(); // ': connected'
  let text = '';
  return {
    /** Everything read until `pattern` matched, or what came in `ms`. */
    async readUntil(pattern: RegExp, ms: number): Promise<string> {
      const until = Date.now() + ms;
      while (!pattern.test(text) && Date.now() < until) {
        const timeout = new Promise<null>((r) => setTimeout(() => r(null), until - Date.now()));
        const next = await Promise.race([reader.read(), timeout]);
        if (!next || next.done) break;
        text += next.value;
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

describe.skipIf(!onPostgres)('live changes between processes', () => {
  let listening: Server;
  let client: PlainClient;
  beforeAll(async () => {
    location = await createTestDbLocation();
    const config = loadConfig({
      ...location.env,
      PORT: '0',
      LOG_LEVEL: 'silent',
      THREADLINE_API_KEY: apiKey,
    });
    servers.push(await startServer(config), await startServer(config));
    const writing = servers[1]!;
    listening = servers[0]!;
    client = new PlainClient({ apiKey, apiUrl: `${writing.url}/graphql/v1` });
  });

  it('reach a stream on one server from a change made through another', async () => {
    const stream = await openStream(listening);
    await client.upsertCustomer({
      identifier: { emailAddress: 'relay@example.com' },
      onCreate: { fullName: 'Relay', email: { email: 'relay@example.com', isVerified: true } },
      onUpdate: {},
    });
    const text = await stream.readUntil(/event: customer/, 2000);
    stream.close();
    expect(text).toMatch(
      /event: customer\ndata: \{"customerId":"c_\w+","type":"customer.customer_created"\}/,
    );
  });

  it('tell their streams to resync once a lost listener is back, and relay again after', async () => {
    const stream = await openStream(listening);
    // Both servers' listeners: every stream of either may have missed something.
    expect(await terminateListeners(listening.db)).toBe(2);
    expect(await stream.readUntil(/event: resync/, 5000)).toContain('event: resync\ndata: {}');

    const made = await client.upsertCustomer({
      identifier: { emailAddress: 'after@example.com' },
      onCreate: { fullName: 'After', email: { email: 'after@example.com', isVerified: true } },
      onUpdate: {},
    });
    const text = await stream.readUntil(new RegExp(made.data!.customer.id), 2000);
    stream.close();
    expect(text).toContain(
      `event: customer\ndata: {"customerId":"${made.data!.customer.id}","type":"customer.customer_created"}`,
    );
  });
});
