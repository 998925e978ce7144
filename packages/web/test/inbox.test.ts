import { randomUUID } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../../server/test/support/fixtures.js';
import { terminateListeners } from '../../server/test/support/listeners.js';
import { screenshot, signIn, startWebApp, type WebApp } from './support/browser.js';

/**
 * Waits for a second without requests: the earlier tests' changes may still be refreshing the list,
 * and a refresh for them would show a thread made afterwards whatever the test is about.
 */
async function quiet(page: Page): Promise<void> {
  let lastRequest = Date.now();
  const seen = () => {
    lastRequest = Date.now();
  };
  page.on('request', seen);
  await expect.poll(() => Date.now() - lastRequest, { timeout: 10_000 }).toBeGreaterThan(1000);
  page.off('request', seen);
}

describe('the inbox (Chromium)', () => {
  let app: WebApp;
  let customerId: string;
  beforeAll(async () => {
    app = await startWebApp();
    ({ customerId } = await createCustomerWithThreads(app.server, 'inbox', 3));
    await signIn(app);
  });
  afterAll(() => app?.close());

  it('lists Todo threads with their customer, and shows a thread created meanwhile without a reload or polling', async () => {
    const { page } = app;
    await page.getByText('Thread 2').waitFor();
    expect(await page.locator('.thread-row').count()).toBe(3);
    // Marks this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'no reload';
    });
    const graphqlRequests: Request[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/graphql')) graphqlRequests.push(r);
    });
    // Idle for 2 s: an app that polls would ask for the list meanwhile.
    await page.waitForTimeout(2000);
    expect(graphqlRequests).toHaveLength(0);

    const title = `Live ${randomUUID().slice(0, 8)}`;
    const made = await app.server.client.createThread({ title, customerIdentifier: { customerId } });
    expect(made.error).toBeUndefined();
    await page.getByText(title).waitFor({ timeout: 5000 });
    expect(await page.locator('.thread-row').count()).toBe(4);
    expect(await page.evaluate(() => (window as unknown as { marker: string }).marker)).toBe('no reload');
    // The new thread came because the server said so (one refresh after the change), not by a timer.
    expect(graphqlRequests.length).toBeGreaterThan(0);
    expect(graphqlRequests.length).toBeLessThanOrEqual(2);
    await screenshot(page, 'inbox');
  });

  it('filters by priority and moves a thread to Done when it is marked done elsewhere', async () => {
    const { page } = app;
    const list = await app.server.client.getThreads({ filters: { customerIds: [customerId] } });
    const [urgent, done] = list.data!.threads;
    await app.server.client.changeThreadPriority({ threadId: urgent!.id, priority: 0 });
    await page.getByLabel('Priority', { exact: true }).selectOption({ label: 'Urgent' });
    await page.waitForFunction((n) => document.querySelectorAll('.thread-row').length === n, 1);
    expect(await page.locator('.thread-row .thread-title').textContent()).toBe(urgent!.title);
    await page.getByLabel('Priority', { exact: true }).selectOption({ label: 'Any priority' });

    await app.server.client.markThreadAsDone({ threadId: done!.id });
    await page.waitForFunction((n) => document.querySelectorAll('.thread-row').length === n, 3);
    await page.getByRole('link', { name: 'Done', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Done', level: 1 }).waitFor();
    await page.getByText(done!.title).waitFor();
  });

  it('moves between threads with j and k, and Cmd+K acts on the focused one', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Todo', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Todo', level: 1 }).waitFor();
    const rows = page.locator('.thread-row');
    await page.waitForFunction((n) => document.querySelectorAll('.thread-row').length === n, 3);
    const focusedId = () =>
      page.evaluate(() => document.activeElement?.closest('.thread-row')?.getAttribute('data-thread-id'));
    await page.locator('.thread-row-link').first().focus();
    await page.keyboard.press('j');
    const second = await rows.nth(1).getAttribute('data-thread-id');
    expect(await focusedId()).toBe(second);
    await page.keyboard.press('k');
    expect(await focusedId()).toBe(await rows.nth(0).getAttribute('data-thread-id'));
    await page.keyboard.press('ArrowDown');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('Mark as done');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await app.server.client.getThread({ threadId: second! })).data?.status)
      .toBe('DONE');
    await page.waitForFunction((n) => document.querySelectorAll('.thread-row').length === n, 2);
  });

  it('shows a thread made while its own stream was cut, once the stream is back', async () => {
    const { page } = app;
    const rowsBefore = await page.locator('.thread-row').count();
    await quiet(page);
    // The server drops every connection, the open /live stream with them (as a restart or a proxy
    // would); the browser's EventSource connects again after about 3 s, and the thread is made meanwhile.
    app.server.server.app.server.closeAllConnections();
    await page.getByLabel('Live updates reconnecting').waitFor({ timeout: 5000 });
    const title = `Meanwhile ${randomUUID().slice(0, 8)}`;
    const made = await app.server.client.createThread({ title, customerIdentifier: { customerId } });
    expect(made.error).toBeUndefined();
    expect(await page.getByText(title).count()).toBe(0);
    await page.getByLabel('Live updates on').waitFor({ timeout: 10_000 });
    await page.getByText(title).waitFor({ timeout: 5000 });
    expect(await page.locator('.thread-row').count()).toBe(rowsBefore + 1);
  });

  it('opens a new stream when the browser gives up on one answered with an error status', async () => {
    const { page } = app;
    let refused = 0;
    // The server is full (or a proxy answers 502): EventSource stops reconnecting for good.
    await page.route('**/live', (route) => {
      refused++;
      return route.fulfill({ status: 503, body: '' });
    });
    app.server.server.app.server.closeAllConnections();
    await page.getByLabel('Live updates reconnecting').waitFor({ timeout: 5000 });
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.unroute('**/live');
    await page.getByLabel('Live updates on').waitFor({ timeout: 15_000 });
    const title = `Reopened ${randomUUID().slice(0, 8)}`;
    const made = await app.server.client.createThread({ title, customerIdentifier: { customerId } });
    expect(made.error).toBeUndefined();
    await page.getByText(title).waitFor({ timeout: 5000 });
  });

  // PostgreSQL only: with PGlite the server has no listener to lose (one process, no NOTIFY).
  it.runIf(process.env.DATABASE_URL)(
    "shows a thread made while the server's listener was lost, once the server says to resync",
    async () => {
      const { page } = app;
      const rowsBefore = await page.locator('.thread-row').count();
      await quiet(page);

      expect(await terminateListeners(app.server.server.db)).toBe(1);
      // Sent while nobody listens (the listener waits a second before connecting again): missed.
      const title = `Missed ${randomUUID().slice(0, 8)}`;
      const made = await app.server.client.createThread({ title, customerIdentifier: { customerId } });
      expect(made.error).toBeUndefined();
      await page.getByText(title).waitFor({ timeout: 8000 });
      expect(await page.locator('.thread-row').count()).toBe(rowsBefore + 1);
    },
  );

  it('offers no thread commands once the focused row has left the screen', async () => {
    const { page } = app;
    await page.locator('.thread-row-link').first().focus();
    // Another tab of the same inbox page: the Todo rows go, the page stays.
    await page.getByRole('link', { name: 'Snoozed', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Snoozed', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).waitFor();
    expect(await page.getByRole('option', { name: 'Go to inbox' }).count()).toBe(1);
    expect(await page.getByRole('option', { name: /Mark as done/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });
});
