import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads, createFieldSchema } from '../../server/test/support/fixtures.js';
import { signIn, startWebApp, type WebApp } from './support/browser.js';

/** Typed thread fields in the side panel, as a person types into them key by key. */
describe("the thread panel's typed fields (Chromium)", () => {
  let app: WebApp;
  let threadId: string;
  const upserts: Request[] = [];
  beforeAll(async () => {
    app = await startWebApp();
    await createFieldSchema(app.server, 'seats', 'Seats', 'NUMBER');
    await createFieldSchema(app.server, 'renewal', 'Renewal', 'DATE');
    threadId = (await createCustomerWithThreads(app.server, 'panel', 1)).threadIds[0]!;
    const bug = await app.server.client.createLabelType({ name: 'Bug' });
    await app.server.client.addLabels({ threadId, labelTypeIds: [bug.data!.id] });
    await signIn(app);
    app.page.on('request', (r) => {
      if (r.postData()?.includes('upsertThreadField')) upserts.push(r);
    });
    await app.page.goto(`${app.origin}/threads/${threadId}`);
    await app.page.getByRole('heading', { name: 'Thread 0', level: 1 }).waitFor();
  });
  afterAll(() => app?.close());

  /** The thread's field values as the API has them, by key. */
  async function fieldValues() {
    const res = await app.server.graphql(
      `query($id: ID!) { thread(threadId: $id) { threadFields { key numberValue dateValue { iso8601 } } } }`,
      { id: threadId },
    );
    return Object.fromEntries(
      res.body.data.thread.threadFields.map((f: any) => [f.key, f.numberValue ?? f.dateValue?.iso8601]),
    );
  }

  it('saves a number on Enter, and keeps it when what is typed next is not a number', async () => {
    const seats = app.page.getByLabel('Seats', { exact: true });
    await seats.fill('42');
    await seats.press('Enter');
    await expect.poll(fieldValues).toEqual({ seats: 42 });

    await seats.fill('');
    await seats.pressSequentially('1e');
    await seats.blur();
    await app.page.waitForTimeout(300);
    expect(await fieldValues()).toEqual({ seats: 42 });
  });

  it('saves a date typed key by key once, when its year is whole', async () => {
    const before = upserts.length;
    const renewal = app.page.getByLabel('Renewal', { exact: true });
    await renewal.click();
    await app.page.keyboard.type('03152026', { delay: 30 });
    await expect.poll(fieldValues).toEqual({ seats: 42, renewal: '2026-03-15T00:00:00.000Z' });
    await app.page.waitForTimeout(300);
    // Not 0002-03-15, 0020-03-15 and 0202-03-15 on the way.
    expect(upserts.length - before).toBe(1);
  });

  it('keeps the keyboard in the panel after removing a label, choosing a snooze, or Escape', async () => {
    const { page } = app;
    /** What has focus: a select by its label, a button by its name. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (el instanceof HTMLSelectElement)
          return `select: ${el.closest('label')?.querySelector('span')?.textContent?.trim()}`;
        return `${el?.tagName.toLowerCase()}: ${el?.getAttribute('aria-label') ?? el?.textContent?.trim()}`;
      });

    await page.getByRole('button', { name: 'Remove label Bug' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('No labels.').waitFor();
    expect(await focused()).toBe('select: Add label');

    const status = page.getByRole('combobox', { name: /^Status/ });
    await status.selectOption('SNOOZED');
    await page.getByRole('group', { name: 'Snooze for' }).waitFor();
    expect(await focused()).toBe('button: 1 hour');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Snooze for' }).waitFor({ state: 'detached' });
    expect(await focused()).toBe('select: Status');

    await status.selectOption('SNOOZED');
    await page.getByRole('button', { name: '1 hour' }).waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await app.server.client.getThread({ threadId })).data?.status)
      .toBe('SNOOZED');
    expect(await focused()).toBe('select: Status');
  });
});
