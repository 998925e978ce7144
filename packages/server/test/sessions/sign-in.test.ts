/** POST /auth/sign-in and /auth/sign-out: the cookie, wrong passwords, the throttle, the 400s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_PASSWORD, postSignIn, SIGN_IN_ENV, signIn } from '../support/session.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Small delays so the suite is quick; their growth is the real formula's.
const THROTTLE = { baseDelayMs: 40, maxDelayMs: 160, maxFailures: 10, windowMs: 15 * 60_000 };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ ...SIGN_IN_ENV, THREADLINE_TRUST_PROXY: '1' }, { signInThrottle: THROTTLE });
});
afterAll(() => t.close());

const MY_USER = '{ myUser { id email } }';

async function timed(run: () => Promise<Response>) {
  const start = performance.now();
  const res = await run();
  return { res, ms: performance.now() - start, body: (await res.json()) as any };
}

describe('POST /auth/sign-in', () => {
  it('answers the user and sets an HttpOnly, SameSite=Lax session cookie, not Secure over http', async () => {
    const res = await postSignIn(t, { email: 'OWNER@example.com', password: OWNER_PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: expect.stringMatching(/^u_/), email: 'owner@example.com', fullName: 'Admin' },
    });
    const cookie = res.headers.getSetCookie();
    expect(cookie).toHaveLength(1);
    expect(cookie[0]).toMatch(/^threadline_session=[A-Za-z0-9_-]{43}; /);
    const attributes = cookie[0]!.split('; ').slice(1).sort();
    expect(attributes).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/', 'SameSite=Lax']);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const res = await postSignIn(
      t,
      { email: 'owner@example.com', password: OWNER_PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown email alike, each later than the one before', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    const wrong = await timed(() => postSignIn(t, { email: 'owner@example.com', password: 'nope' }, ip));
    const unknown = await timed(() => postSignIn(t, { email: 'ghost@example.com', password: 'nope' }, ip));
    const third = await timed(() => postSignIn(t, { email: 'ghost2@example.com', password: 'nope' }, ip));
    const body = { error: { code: 'invalid_credentials', message: 'Wrong email or password.' } };
    for (const answer of [wrong, unknown, third]) {
      expect(answer.res.status).toBe(401);
      expect(answer.body).toEqual(body);
      expect(answer.res.headers.getSetCookie()).toEqual([]);
    }
    // Failures 1, 2 and 3 from this address wait 40, 80 and 160 ms (plus the hash).
    expect(wrong.ms).toBeGreaterThanOrEqual(40);
    expect(unknown.ms).toBeGreaterThanOrEqual(80);
    expect(third.ms).toBeGreaterThanOrEqual(160);
    expect(third.ms).toBeGreaterThan(wrong.ms);
  });

  it('refuses with 429 and Retry-After after 10 failures, without checking the password', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.1' };
    for (let i = 0; i < 10; i++) {
      const res = await postSignIn(t, { email: 'target@example.com', password: `guess${i}` }, ip);
      expect(res.status).toBe(401);
    }
    const refused = await postSignIn(t, { email: 'target@example.com', password: 'guess10' }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    // The same address is refused for any email, even with the right password.
    const owner = await postSignIn(t, { email: 'owner@example.com', password: OWNER_PASSWORD }, ip);
    expect(owner.status).toBe(429);
  });

  it('checks at most 10 of a burst of simultaneous wrong passwords, refusing the rest', async () => {
    const ip = { 'x-forwarded-for': '192.0.2.50' };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postSignIn(t, { email: 'burst@example.com', password: `guess${i}` }, ip),
      ),
    );
    for (const answer of answers) await answer.body?.cancel();
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('believes only the address the trusted proxy added, not one the client put before it', async () => {
    // The proxy (one hop: THREADLINE_TRUST_PROXY=1) appends the client's real address last.
    for (let i = 0; i < 10; i++) {
      const forged = { 'x-forwarded-for': `10.66.0.${i}, 192.0.2.77` };
      const res = await postSignIn(t, { email: `forged${i}@example.com`, password: 'nope' }, forged);
      expect(res.status).toBe(401);
    }
    const next = await postSignIn(
      t,
      { email: 'forged-next@example.com', password: 'nope' },
      { 'x-forwarded-for': '10.66.0.99, 192.0.2.77' },
    );
    expect(next.status).toBe(429);
  });

  it('answers 400 with a message for a malformed body, never a 500', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"email":', /JSON/i],
      [{ email: 'owner@example.com' }, /password/],
      [{ email: 42, password: 'x' }, /email/],
      ['[]', /./],
    ];
    for (const [body, message] of cases) {
      const res = await postSignIn(t, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.message).toMatch(message);
    }
    const form = await fetch(`${t.server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=owner%40example.com&password=${OWNER_PASSWORD}`,
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as any).error.code).toBe('invalid_request');
  });
});

describe('POST /auth/sign-out', () => {
  it('clears the cookie and ends the session at once', async () => {
    const cookie = await signIn(t);
    const ask = () =>
      fetch(t.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: MY_USER }),
      });
    expect((await ask()).status).toBe(200);
    const out = await fetch(`${t.server.url}/auth/sign-out`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(
      /^threadline_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const after = await ask();
    expect(after.status).toBe(401);
    expect(((await after.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
