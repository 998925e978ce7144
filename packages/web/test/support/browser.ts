import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.js';

/** The owner the server makes at first start, and the password tests sign in with. */
export const OWNER = { email: 'owner@example.com', password: 'correct horse battery staple' };

/** Where the tests write their screenshots (README.md shows them). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it), or CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A real server serving this run's build of the web app, and a real Chromium pointed at it. */
export interface WebApp {
  server: TestServer;
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts a server on a fresh database with the built web app, and a signed-out browser page.
 * `bypassCSP` lets a test inject a script (axe-core), which the app's Content-Security-Policy refuses.
 */
export async function startWebApp(options: { bypassCSP?: boolean } = {}): Promise<WebApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const server = await startTestServer({
    THREADLINE_WEB_DIR: inject('webDir'),
    THREADLINE_ADMIN_EMAIL: OWNER.email,
    THREADLINE_ADMIN_PASSWORD: OWNER.password,
  });
  const origin = server.server.url;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    // Date inputs take their segments in the locale's order (month/day/year here).
    locale: 'en-US',
    timezoneId: 'UTC',
    bypassCSP: options.bypassCSP ?? false,
  });
  // The app copies IDs with navigator.clipboard; tests read them back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  return {
    server,
    origin,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs in through the sign-in form, as a person would, and waits for the inbox. */
export async function signIn(app: WebApp, password = OWNER.password): Promise<void> {
  const { page } = app;
  await page.goto(`${app.origin}/`);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Todo', level: 1 }).waitFor();
}

/** What the page's clipboard holds now. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Writes a full-page screenshot to docs/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: false });
}
