import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../../server/test/support/fixtures.js';
import { readClipboard, signIn, startWebApp, type WebApp } from './support/browser.js';

describe('the command palette, by keyboard alone (Chromium)', () => {
  let app: WebApp;
  let customerId: string;
  let threadIds: string[];
  beforeAll(async () => {
    app = await startWebApp();
    ({ customerId, threadIds } = await createCustomerWithThreads(app.server, 'palette', 2));
    await signIn(app);
    await app.page.goto(`${app.origin}/threads/${threadIds[0]}`);
    await app.page.getByRole('heading', { name: 'Thread 0', level: 1 }).waitFor();
  });
  afterAll(() => app?.close());

  /** Opens the palette with Ctrl+K (or Cmd+K: `Meta+k`), types a command and presses Enter. */
  async function run(command: string, shortcut = 'Control+k') {
    const { page } = app;
    await page.keyboard.press(shortcut);
    await page.getByRole('combobox', { name: 'Command' }).waitFor();
    await page.keyboard.type(command);
    await page.keyboard.press('Enter');
  }

  /** The thread as the API reports it, with who changed its status. */
  async function threadNow(threadId: string) {
    const res = await app.server.graphql(
      `query($id: ID!) { thread(threadId: $id) { status priority
        assignedTo { ... on User { id } }
        statusChangedBy { __typename ... on UserActor { user { email } } } } }`,
      { id: threadId },
    );
    return res.body.data.thread;
  }

  it('copies the customer ID (Cmd+K, as on a Mac), the thread ID and the thread link', async () => {
    await run('Copy customer ID', 'Meta+k');
    await app.page.getByText('Copied customer ID').waitFor();
    expect(await readClipboard(app.page)).toBe(customerId);
    await run('Copy thread ID');
    await app.page.getByText('Copied thread ID').waitFor();
    expect(await readClipboard(app.page)).toBe(threadIds[0]);
    await run('Copy thread link');
    await app.page.getByText('Copied thread link').waitFor();
    expect(await readClipboard(app.page)).toBe(`${app.origin}/threads/${threadIds[0]}`);
  });

  it('marks the thread done as the signed-in user, and the timeline shows it', async () => {
    await run('Mark as done');
    await expect.poll(async () => (await threadNow(threadIds[0]!)).status).toBe('DONE');
    const thread = await threadNow(threadIds[0]!);
    expect(thread.statusChangedBy).toEqual({ __typename: 'UserActor', user: { email: 'owner@example.com' } });
    const entry = app.page.locator('article[data-entry-type="ThreadStatusTransitionedEntry"]').last();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Done');
  });

  it('snoozes, assigns to me and changes priority through sub-menus', async () => {
    await run('Snooze');
    await app.page.keyboard.type('1 hour');
    await app.page.keyboard.press('Enter');
    await expect.poll(async () => (await threadNow(threadIds[0]!)).status).toBe('SNOOZED');
    // The side panel snoozes a snoozed thread again, for longer.
    const until = async () => {
      const res = await app.server.graphql(
        `query($id: ID!) { thread(threadId: $id) { statusDetail {
          ... on ThreadStatusDetailWaitingForDuration { waitingUntil { unixTimestamp } } } } }`,
        { id: threadIds[0] },
      );
      return Number(res.body.data.thread.statusDetail?.waitingUntil.unixTimestamp ?? 0);
    };
    const firstUntil = await until();
    await app.page.getByRole('button', { name: 'Snooze again' }).click();
    await app.page.getByRole('button', { name: '1 week' }).click();
    await expect.poll(until).toBeGreaterThan(firstUntil + 6 * 24 * 3600 * 1000);

    await run('Assign to me');
    const me = await app.server.graphql('{ userByEmail(email: "owner@example.com") { id } }');
    await expect
      .poll(async () => (await threadNow(threadIds[0]!)).assignedTo?.id)
      .toBe(me.body.data.userByEmail.id);

    await run('Change priority');
    await app.page.keyboard.type('Urgent');
    await app.page.keyboard.press('Enter');
    await expect.poll(async () => (await threadNow(threadIds[0]!)).priority).toBe(0);
  });

  it('goes to a thread by its ref', async () => {
    const other = await app.server.client.getThread({ threadId: threadIds[1]! });
    await run('Go to thread by ref');
    await app.page.keyboard.type(other.data!.ref);
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL(`${app.origin}/threads/${threadIds[1]}`);
    await app.page.getByRole('heading', { name: 'Thread 1', level: 1 }).waitFor();

    // Back to a thread already loaded: the page shows at once, without the draft begun on the other.
    await app.page.getByLabel('Message', { exact: true }).fill('A draft for Thread 1');
    await app.page.goBack();
    await app.page.getByRole('heading', { name: 'Thread 0', level: 1 }).waitFor();
    expect(await app.page.getByLabel('Message', { exact: true }).inputValue()).toBe('');
  });
});
