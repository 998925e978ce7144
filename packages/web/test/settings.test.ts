import { PlainClient } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClipboard, screenshot, signIn, startWebApp, type WebApp } from './support/browser.js';

describe('settings (Chromium)', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
    await signIn(app);
  });
  afterAll(() => app?.close());

  it('creates a label type and copies its ID', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Labels' }).waitFor();
    await page.getByLabel('Name').fill('Billing');
    await page.getByRole('button', { name: 'Create label type' }).click();
    const copy = page.getByRole('button', { name: 'Copy ID of Billing' });
    await copy.waitFor();
    const listed = await app.server.client.getLabelTypes({});
    const billing = listed.data!.labelTypes.find((l) => l.name === 'Billing');
    expect(billing).toBeDefined();
    await copy.click();
    await expect.poll(() => readClipboard(page)).toBe(billing!.id);
    await screenshot(page, 'settings-labels');
  });

  it('archives a label type', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Archive Billing' }).click();
    await page.getByRole('button', { name: 'Confirm archive' }).click();
    await page.getByRole('heading', { name: 'Archived' }).waitFor();
    await expect
      .poll(async () => {
        const listed = await app.server.client.getLabelTypes({});
        return listed.data!.labelTypes.find((l) => l.name === 'Billing')?.isArchived;
      })
      .toBe(true);
  });

  it('creates an ENUM thread field and copies its key', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Thread fields' }).click();
    await page.getByLabel('Label', { exact: true }).fill('Plan tier');
    await page.getByLabel('Type').selectOption('ENUM');
    await page.getByLabel('Values').fill('free\npro\nenterprise');
    await page.getByRole('button', { name: 'Create field' }).click();
    const copy = page.getByRole('button', { name: 'Copy key of Plan tier' });
    await copy.waitFor();
    await copy.click();
    await expect.poll(() => readClipboard(page)).toBe('plan_tier');
    const schemas = await app.server.graphql(
      '{ threadFieldSchemas(first: 10) { edges { node { key type enumValues } } } }',
    );
    expect(schemas.body.data.threadFieldSchemas.edges.map((e: any) => e.node)).toEqual([
      { key: 'plan_tier', type: 'ENUM', enumValues: ['free', 'pro', 'enterprise'] },
    ]);
    await screenshot(page, 'settings-fields');
  });

  it('edits a thread field: label, values and required, its key kept; a label too long is refused', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Edit Plan tier' }).click();
    const form = page.getByRole('form', { name: 'Edit Plan tier' });
    await form.getByLabel('Label').fill('x'.repeat(501));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/500/).waitFor();
    expect(await form.getByLabel('Label').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Label').fill('Plan');
    await form.getByLabel('Values').fill('free\npro\nenterprise\nteam');
    await form.getByLabel('Required').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved thread field Plan').waitFor();
    await page.getByRole('button', { name: 'Copy key of Plan', exact: true }).waitFor();
    const schemas = await app.server.graphql(
      '{ threadFieldSchemas(first: 10) { edges { node { key label type enumValues isRequired } } } }',
    );
    expect(schemas.body.data.threadFieldSchemas.edges.map((e: any) => e.node)).toEqual([
      {
        key: 'plan_tier',
        label: 'Plan',
        type: 'ENUM',
        enumValues: ['free', 'pro', 'enterprise', 'team'],
        isRequired: true,
      },
    ]);
  });

  let secret = '';

  it('makes a machine user and a key with only the permissions picked, shown once', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('CI bot');
    await page.getByRole('button', { name: 'Create machine user' }).click();
    await page.getByRole('heading', { name: 'CI bot' }).waitFor();
    const bot = page.getByRole('region', { name: 'CI bot' });
    await bot.getByLabel('Description').fill('read threads');
    await bot.getByRole('checkbox', { name: 'thread:read', exact: true }).check();
    await bot.getByRole('button', { name: 'Create API key' }).click();
    const secretBox = page.getByTestId('api-key-secret');
    await secretBox.waitFor();
    secret = (await secretBox.textContent())!.trim();
    await page.getByText('It will not be shown again').waitFor();
    await screenshot(page, 'settings-api-keys');

    // The key works, with what was picked and nothing more.
    const read = await app.server.graphql('{ threads(first: 1) { edges { node { id } } } }', {}, secret);
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    const client = new PlainClient({ apiKey: secret, apiUrl: app.server.apiUrl });
    const denied = await client.createLabelType({ name: 'Nope' });
    expect(denied.error?.type).toBe('forbidden');

    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('api-key-secret').count()).toBe(0);
  });

  it("edits a key's permissions: the same secret can do what was added, and a bad description is refused", async () => {
    const { page } = app;
    const client = new PlainClient({ apiKey: secret, apiUrl: app.server.apiUrl });
    await page.getByRole('button', { name: 'Edit read threads' }).click();
    const form = page.getByRole('form', { name: 'Edit read threads' });
    expect(await form.getByRole('checkbox', { name: 'thread:read', exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'labelType:create', exact: true }).isChecked()).toBe(
      false,
    );

    await form.getByLabel('Description').fill('x'.repeat(5001));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText(/5000/).waitFor();
    expect((await client.createLabelType({ name: 'Still no' })).error?.type).toBe('forbidden');

    await form.getByLabel('Description').fill('read threads, make labels');
    await form.getByRole('checkbox', { name: 'labelType:create', exact: true }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved API key read threads').waitFor();
    await page.getByRole('button', { name: 'Edit read threads, make labels' }).waitFor();
    const made = await client.createLabelType({ name: 'Made by the bot' });
    expect(made.error).toBeUndefined();
    expect(made.data?.name).toBe('Made by the bot');
  });

  it('shows webhook targets and their delivery log', async () => {
    const { page } = app;
    const target = await app.server.client.createWebhookTarget({
      url: 'https://hooks.example.com/threadline',
      description: 'Ops hook',
      isEnabled: true,
      eventSubscriptions: [{ eventType: 'thread.thread_created' }],
    });
    expect(target.error).toBeUndefined();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByText('https://hooks.example.com/threadline').waitFor();
    // The page scrolls in the main pane: its top, with the targets, is what the screenshot shows.
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await page.locator('.toast').waitFor({ state: 'detached' });
    await screenshot(page, 'settings-webhooks');
  });
});
