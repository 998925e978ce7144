import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, signIn, startWebApp, type WebApp } from './support/browser.js';

describe('signing in to the web app (Chromium)', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(() => app?.close());

  it('serves the app at / and refuses a wrong password with a message', async () => {
    const { page } = app;
    await page.goto(`${app.origin}/`);
    await expect(page.getByRole('heading', { name: 'Sign in to Threadline' }).isVisible()).resolves.toBe(
      true,
    );
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong email or password.');
    expect(await app.context.cookies()).toEqual([]);
  });

  it('lets the owner in with an HttpOnly, SameSite=Lax session cookie, and the app acts as them', async () => {
    await signIn(app);
    const [cookie] = await app.context.cookies();
    expect(cookie).toMatchObject({
      name: 'threadline_session',
      httpOnly: true,
      sameSite: 'Lax',
      secure: false,
    });
    // The sidebar shows who is signed in: the owner, as myUser answers for the session.
    await app.page.getByText('Admin', { exact: true }).waitFor();
  });

  it('says the server cannot be reached, rather than signing out, when it answers with an error', async () => {
    const { page } = app;
    // A proxy in front of a server being restarted answers 502.
    await page.route('**/graphql/v1', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }));
    await page.reload();
    await page.getByText('Threadline cannot be reached', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { name: 'Sign in to Threadline' }).count()).toBe(0);
    await page.unroute('**/graphql/v1');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Admin', { exact: true }).waitFor();
  });

  it('signs out: the cookie no longer works and the sign-in page is back', async () => {
    const { page } = app;
    const [cookie] = await app.context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Threadline' }).waitFor();
    const replayed = await fetch(`${app.origin}/graphql/v1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${cookie!.name}=${cookie!.value}` },
      body: JSON.stringify({ query: '{ myUser { id } }' }),
    });
    expect(replayed.status).toBe(401);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Threadline' }).waitFor();
  });
});
