import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from './private-address.js';
import { createWebhookSender } from './webhook-sender.js';

const own = hostname();
const ownIsPrivate = await lookup(own).then(
  (a) => isPrivateAddress(a.address),
  () => false,
);

let port: number;
const seen: { req: IncomingMessage; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    seen.push({ req, body });
    if (req.url === '/huge') {
      res.writeHead(200);
      // 20 MB, written as fast as the client reads; the sender stops early.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let left = 320;
      const write = () => {
        while (left > 0 && res.write(chunk)) left--;
        if (left > 0) res.once('drain', write);
        else res.end();
      };
      write();
      return;
    }
    res.writeHead(req.url === '/teapot' ? 418 : 200);
    res.end('x'.repeat(3000));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the webhook sender', () => {
  const open = createWebhookSender({ timeoutMs: 2000, blockPrivate: false });
  const strict = createWebhookSender({ timeoutMs: 2000, blockPrivate: true });
  afterAll(async () => {
    await open.close();
    await strict.close();
  });

  it('POSTs the body and headers and keeps the first kilobyte of the answer', async () => {
    const res = await open.send({
      url: `http://127.0.0.1:${port}/teapot`,
      headers: { 'x-a': '1' },
      body: '{"a":1}',
    });
    expect(res).toEqual({ kind: 'response', status: 418, bodyExcerpt: 'x'.repeat(1024) });
    expect(seen.at(-1)!.body).toBe('{"a":1}');
    expect(seen.at(-1)!.req.method).toBe('POST');
    expect(seen.at(-1)!.req.headers['x-a']).toBe('1');
  });

  it('sends credentials in the URL as Basic authorization, not in the URL', async () => {
    await open.send({ url: `http://us%3Aer:p%40ss@127.0.0.1:${port}/auth`, headers: {}, body: '{}' });
    const last = seen.at(-1)!.req;
    expect(last.headers.authorization).toBe(`Basic ${Buffer.from('us:er:p@ss').toString('base64')}`);
    expect(last.url).toBe('/auth');
  });

  it('stops reading a huge answer at the cap', async () => {
    const started = performance.now();
    const res = await open.send({ url: `http://127.0.0.1:${port}/huge`, headers: {}, body: '{}' });
    expect(res).toMatchObject({ kind: 'response', status: 200 });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('answers a refused connection as an error, without throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const res = await open.send({ url: `http://127.0.0.1:${freePort}/`, headers: {}, body: '{}' });
    expect(res).toMatchObject({ kind: 'error', code: 'connection_refused' });
  });

  it('refuses private IP literals and localhost without connecting', async () => {
    const before = seen.length;
    for (const host of ['127.0.0.1', 'localhost']) {
      const res = await strict.send({ url: `http://${host}:${port}/`, headers: {}, body: '{}' });
      expect(res.kind).toBe('rejected');
    }
    expect(seen.length).toBe(before);
  });

  // A name (not an IP literal) that resolves to a private address is refused when connecting. This
  // needs such a name: the machine's own hostname resolves to 127.0.0.1 here (/etc/hosts); where it
  // does not, there is nothing to test this with offline, and the test says so by not running.
  it.skipIf(!ownIsPrivate)('refuses a name that resolves to a private address, when connecting', async () => {
    const before = seen.length;
    const res = await strict.send({ url: `http://${own}:${port}/`, headers: {}, body: '{}' });
    expect(res).toMatchObject({ kind: 'rejected', message: expect.stringContaining('private address') });
    expect(seen.length).toBe(before);
  });
});
