import type { TestServer } from './test-server.js';

/** The owner's password in tests that sign in (set through THREADLINE_ADMIN_PASSWORD). */
export const OWNER_PASSWORD = 'correct-horse-battery-staple';

/** What startTestServer needs so the owner can sign in with OWNER_PASSWORD. */
export const SIGN_IN_ENV = {
  THREADLINE_ADMIN_EMAIL: 'owner@example.com',
  THREADLINE_ADMIN_PASSWORD: OWNER_PASSWORD,
};

/** Posts to /auth/sign-in. */
export function postSignIn(t: TestServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${t.server.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Signs the owner in and returns the cookie pair to send (`threadline_session=…`). */
export async function signIn(t: TestServer, email = 'owner@example.com', password = OWNER_PASSWORD) {
  const res = await postSignIn(t, { email, password });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Posts a GraphQL request with a session cookie and no API key. */
export async function graphqlWithCookie(
  t: TestServer,
  cookie: string,
  query: string,
  variables?: unknown,
  init: { method?: string; contentType?: string } = {},
) {
  const res = await fetch(t.apiUrl, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as any };
}
