/** The web app's files at `/`: index fallback for client routes, cache headers, a missing build. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

const INDEX = '<!doctype html><title>Threadline</title><script src="/assets/app-abc123.js"></script>';
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

let webDir: string;
let t: TestServer;
beforeAll(async () => {
  webDir = await mkdtemp(join(tmpdir(), 'threadline-web-'));
  await mkdir(join(webDir, 'assets'));
  await writeFile(join(webDir, 'index.html'), INDEX);
  await writeFile(join(webDir, 'assets', 'app-abc123.js'), 'console.log("hi")');
  await writeFile(join(webDir, 'favicon.svg'), '<svg/>');
  await writeFile(join(webDir, '.env'), 'SECRET=1');
  t = await startTestServer({ THREADLINE_WEB_DIR: webDir });
});
afterAll(async () => {
  await t.close();
  await rm(webDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = HTML) =>
  fetch(`${t.server.url}${path}`, { headers });

describe('the web app', () => {
  it('serves index.html at / and for client-side routes, uncached and with its security headers', async () => {
    for (const path of ['/', '/threads/th_123', '/settings/labels?tab=x']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('caches files under /assets/ for a year', async () => {
    const res = await get('/assets/app-abc123.js', { accept: '*/*' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log("hi")');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await get('/favicon.svg', { accept: '*/*' });
    expect(other.headers.get('cache-control')).toBe('no-cache');
  });

  it("leaves the API's paths alone, and answers 404 to what is not a page", async () => {
    for (const path of ['/graphql/v1/nope', '/auth/sign-in', '/healthz/x', '/assets/missing.js']) {
      expect((await get(path)).status).toBe(404);
    }
    expect((await get('/threads/th_123', { accept: 'application/json' })).status).toBe(404);
    // A dotfile in the folder is not served: a browser gets the app, anything else 404.
    expect((await get('/.env', { accept: '*/*' })).status).toBe(404);
    expect(await (await get('/.env')).text()).toBe(INDEX);
    const graphiql = await get('/graphiql');
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers.get('content-security-policy')).toBeNull();
    expect((await get('/healthz')).status).toBe(200);
  });

  it('explains at / how to build the web app when there is none', async () => {
    const bare = await startTestServer({ THREADLINE_WEB_DIR: join(webDir, 'not-there') });
    try {
      const res = await fetch(`${bare.server.url}/`, { headers: HTML });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/web app is not built.*npm run build/s);
      expect((await bare.client.getMyWorkspace()).error).toBeUndefined();
    } finally {
      await bare.close();
    }
  });
});
