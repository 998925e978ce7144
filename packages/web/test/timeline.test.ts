import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldSchema } from '../../server/test/support/fixtures.js';
import { readClipboard, screenshot, signIn, startWebApp, type WebApp } from './support/browser.js';

/** One of each leaf component, as the official SDK takes them. */
const LEAVES = [
  {
    componentText: {
      text: 'Key **generated** for *staging* with `sk_live_…`, see [the docs](https://docs.example.com/keys)',
    },
  },
  { componentPlainText: { plainText: 'Shown **as written**', plainTextColor: 'MUTED' } },
  { componentSpacer: { spacerSize: 'XL' } },
  { componentDivider: { dividerSpacingSize: 'M' } },
  {
    componentLinkButton: { linkButtonUrl: 'https://admin.example.com/keys/42', linkButtonLabel: 'View key' },
  },
  { componentCopyButton: { copyButtonValue: 'key_42_secret_id', copyButtonTooltipLabel: 'Copy key ID' } },
  { componentBadge: { badgeLabel: 'Production', badgeColor: 'RED' } },
  {
    componentWorkflowButton: {
      workflowButtonLabel: 'Rotate key',
      workflowButtonWorkflowIdentifier: { workflowKey: 'rotate-key' },
    },
  },
] as const;

const ROW = {
  componentRow: {
    rowMainContent: [{ componentText: { text: 'Plan' } }],
    rowAsideContent: [{ componentBadge: { badgeLabel: 'Enterprise', badgeColor: 'BLUE' } }],
  },
};

describe('a thread timeline with every entry kind and UI component (Chromium)', () => {
  let app: WebApp;
  let threadId: string;
  beforeAll(async () => {
    app = await startWebApp();
    const { client } = app.server;
    const customer = await client.upsertCustomer({
      identifier: { emailAddress: 'ada@example.com' },
      onCreate: { fullName: 'Ada Lovelace', email: { email: 'ada@example.com', isVerified: true } },
      onUpdate: {},
    });
    const customerId = customer.data!.customer.id;
    const thread = await client.createThread({
      title: 'API key generated',
      customerIdentifier: { customerId },
      components: [
        { componentText: { text: 'The first message' } },
        {
          componentContainer: { containerContent: [{ componentText: { text: 'Inside a container' } }, ROW] },
        },
      ] as never,
    });
    threadId = thread.data!.id;
    const event = await client.createThreadEvent({
      threadId,
      title: 'API key generated',
      components: [...LEAVES, ROW] as never,
    });
    expect(event.error).toBeUndefined();
    await client.createCustomerEvent({
      customerIdentifier: { customerId },
      title: 'Signed up',
      components: [{ componentBadge: { badgeLabel: 'Trial', badgeColor: 'GREEN' } }] as never,
    });
    await client.createNote({
      customerId,
      threadId,
      text: 'Checked the logs',
      markdown: 'Checked the **logs**',
    });
    await client.replyToThread({ threadId, textContent: 'We rotated your key.' });
    const labelType = await client.createLabelType({ name: 'Security' });
    await client.addLabels({ threadId, labelTypeIds: [labelType.data!.id] });
    await client.changeThreadPriority({ threadId, priority: 1 });
    const owner = await app.server.graphql('{ userByEmail(email: "owner@example.com") { id } }');
    await client.assignThread({ threadId, userId: owner.body.data.userByEmail.id });
    await createFieldSchema(app.server, 'plan', 'Plan');
    await client.upsertThreadField({
      identifier: { threadId, key: 'plan' },
      type: 'STRING' as never,
      stringValue: 'Enterprise',
    });
    await client.markThreadAsDone({ threadId });
    await signIn(app);
    await app.page.goto(`${app.origin}/threads/${threadId}`);
    await app.page.getByRole('heading', { name: 'API key generated', level: 1 }).waitFor();
    await app.page.locator('article[data-entry-type="ThreadStatusTransitionedEntry"]').waitFor();
  });
  afterAll(() => app?.close());

  it('renders every timeline entry kind the changes left', async () => {
    const kinds = await app.page
      .locator('section[aria-label="Timeline"] article')
      .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-entry-type')));
    expect(new Set(kinds)).toEqual(
      new Set([
        'CustomEntry',
        'ThreadEventEntry',
        'CustomerEventEntry',
        'NoteEntry',
        'ChatEntry',
        'ThreadLabelsChangedEntry',
        'ThreadPriorityChangedEntry',
        'ThreadAssignmentTransitionedEntry',
        'ThreadStatusTransitionedEntry',
      ]),
    );
  });

  it('renders the event components faithfully', async () => {
    const event = app.page.locator('article[data-entry-type="ThreadEventEntry"]');
    // Text: its markdown subset as elements, links opening in a new tab.
    expect(await event.locator('strong').first().textContent()).toBe('generated');
    expect(await event.locator('em').first().textContent()).toBe('staging');
    expect(await event.locator('code').first().textContent()).toBe('sk_live_…');
    const docs = event.getByRole('link', { name: 'the docs' });
    expect(await docs.getAttribute('href')).toBe('https://docs.example.com/keys');
    expect(await docs.getAttribute('target')).toBe('_blank');
    // Plain text keeps its asterisks.
    await event.getByText('Shown **as written**').waitFor();
    // The link button.
    const link = event.locator('a.link-button');
    expect(await link.textContent()).toBe('View key');
    expect(await link.getAttribute('href')).toBe('https://admin.example.com/keys/42');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    // The badge, in its colour.
    const badge = event.locator('.badge', { hasText: 'Production' });
    expect(await badge.getAttribute('class')).toContain('badge-red');
    // Spacer, divider, workflow button, and the row's two sides.
    expect(await event.locator('[data-size="XL"]').count()).toBe(1);
    expect(await event.locator('hr').count()).toBe(1);
    await event.getByRole('button', { name: 'Rotate key' }).waitFor();
    expect(await event.locator('.component-row .row-main').textContent()).toBe('Plan');
    expect(await event.locator('.component-row .row-aside').textContent()).toBe('Enterprise');
    // The copy button holds its value and copies it.
    const copy = event.locator('.copy-button');
    expect(await copy.getAttribute('data-copy-value')).toBe('key_42_secret_id');
    await copy.click();
    await expect.poll(() => readClipboard(app.page)).toBe('key_42_secret_id');
  });

  it('renders the first message with its container, and who did each change', async () => {
    const first = app.page.locator('article[data-entry-type="CustomEntry"]');
    await first.getByText('Inside a container').waitFor();
    expect(await first.locator('.component-row .row-aside').textContent()).toBe('Enterprise');
    const status = app.page.locator('article[data-entry-type="ThreadStatusTransitionedEntry"]');
    expect(await status.textContent()).toMatch(/Done/);
    const note = app.page.locator('article[data-entry-type="NoteEntry"]');
    expect(await note.locator('strong').textContent()).toBe('logs');
    // The side panel shows the thread field's value, editable.
    expect(await app.page.getByLabel('Plan', { exact: true }).inputValue()).toBe('Enterprise');
    await screenshot(app.page, 'thread');
  });
});
