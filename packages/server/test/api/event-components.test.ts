/** UI components in events: every kind round-trips, and Plain's limits are enforced with field paths. */
import { uiComponent } from '@team-plain/typescript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerWithThreads } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

let counter = 0;
const customerWithThreads = (threads: number) =>
  createCustomerWithThreads(t, `components-${++counter}`, threads);

describe('components', () => {
  const everyKind = [
    uiComponent.text({ text: 'Plan **upgraded**', color: 'SUCCESS', size: 'L' }),
    uiComponent.plainText({ text: 'as written', color: 'MUTED' }),
    uiComponent.spacer({ size: 'XL' }),
    uiComponent.spacer({}),
    uiComponent.divider({ spacingSize: 'S' }),
    uiComponent.linkButton({ label: 'Open', url: 'https://example.com/a?b=c' }),
    uiComponent.copyButton({ value: 'cus_123', tooltip: 'Copy id' }),
    uiComponent.badge({ label: 'Pro', color: 'BLUE' }),
    uiComponent.workflowButton({ label: 'Refund', workflowId: 'wf_1' }),
    uiComponent.row({
      mainContent: [uiComponent.text({ text: 'Main' })],
      asideContent: [uiComponent.badge({ label: 'Aside' })],
    }),
  ];
  const selection = `components { __typename
    ... on ComponentText { text textSize textColor }
    ... on ComponentPlainText { plainText plainTextSize plainTextColor }
    ... on ComponentSpacer { spacerSize }
    ... on ComponentDivider { dividerSpacingSize }
    ... on ComponentLinkButton { linkButtonLabel linkButtonUrl }
    ... on ComponentCopyButton { copyButtonValue copyButtonTooltipLabel }
    ... on ComponentBadge { badgeLabel badgeColor }
    ... on ComponentWorkflowButton { workflowButtonLabel workflowButtonWorkflowIdentifier { workflowId workflowKey } }
    ... on ComponentRow { rowMainContent { __typename ... on ComponentText { text } } rowAsideContent { __typename ... on ComponentBadge { badgeLabel } } }
  }`;

  it('stores every kind the SDK builders make, explicit nulls included, and reads them back', async () => {
    const jane = await customerWithThreads(1);
    const res = await t.client.createThreadEvent({
      title: 'Every kind',
      threadId: jane.threadIds[0]!,
      components: everyKind,
    });
    expect(res.error).toBeUndefined();
    const { body } = await t.graphql(
      `query($id: ID!) { thread(threadId: $id) { timelineEntries(first: 5) { edges { node { entry {
         ... on ThreadEventEntry { ${selection} } } } } } } }`,
      { id: jane.threadIds[0] },
    );
    expect(body.data.thread.timelineEntries.edges[0].node.entry.components).toEqual([
      { __typename: 'ComponentText', text: 'Plan **upgraded**', textSize: 'L', textColor: 'SUCCESS' },
      {
        __typename: 'ComponentPlainText',
        plainText: 'as written',
        plainTextSize: null,
        plainTextColor: 'MUTED',
      },
      { __typename: 'ComponentSpacer', spacerSize: 'XL' },
      { __typename: 'ComponentSpacer', spacerSize: 'M' },
      { __typename: 'ComponentDivider', dividerSpacingSize: 'S' },
      {
        __typename: 'ComponentLinkButton',
        linkButtonLabel: 'Open',
        linkButtonUrl: 'https://example.com/a?b=c',
      },
      { __typename: 'ComponentCopyButton', copyButtonValue: 'cus_123', copyButtonTooltipLabel: 'Copy id' },
      { __typename: 'ComponentBadge', badgeLabel: 'Pro', badgeColor: 'BLUE' },
      {
        __typename: 'ComponentWorkflowButton',
        workflowButtonLabel: 'Refund',
        workflowButtonWorkflowIdentifier: { workflowId: 'wf_1', workflowKey: null },
      },
      {
        __typename: 'ComponentRow',
        rowMainContent: [{ __typename: 'ComponentText', text: 'Main' }],
        rowAsideContent: [{ __typename: 'ComponentBadge', badgeLabel: 'Aside' }],
      },
    ]);
  });

  async function createWith(components: unknown[]) {
    const jane = await customerWithThreads(0);
    const { status, body } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { customerEvent { id } error { type code fields { field message type } } } }',
      { input: { title: 'Limits', customerIdentifier: { customerId: jane.customerId }, components } },
    );
    expect(status).toBe(200);
    return body.data.createCustomerEvent;
  }

  it('refuses text over 10000 characters, naming the field, and creates nothing', async () => {
    const result = await createWith([{ componentText: { text: 'a'.repeat(10_001) } }]);
    expect(result).toEqual({
      customerEvent: null,
      error: {
        type: 'VALIDATION',
        code: 'input_validation',
        fields: [
          {
            field: 'components.0.componentText.text',
            message: 'Must have at most 10000 character(s).',
            type: 'VALIDATION',
          },
        ],
      },
    });
  });

  it('accepts text of exactly 10000 characters', async () => {
    expect((await createWith([{ componentText: { text: 'a'.repeat(10_000) } }])).error).toBeNull();
  });

  it('refuses empty text as REQUIRED', async () => {
    const result = await createWith([{ componentText: { text: '   ' } }]);
    expect(result.error.fields).toEqual([
      { field: 'components.0.componentText.text', message: 'Required', type: 'REQUIRED' },
    ]);
  });

  it('refuses a link button whose URL is not http(s)', async () => {
    for (const url of ['javascript:alert(1)', 'not a url', 'ftp://example.com']) {
      const result = await createWith([
        { componentLinkButton: { linkButtonLabel: 'x', linkButtonUrl: url } },
      ]);
      expect(result.error.fields).toEqual([
        {
          field: 'components.0.componentLinkButton.linkButtonUrl',
          message: 'Must be a valid http or https URL.',
          type: 'VALIDATION',
        },
      ]);
    }
  });

  it('refuses labels over 500 and copy values over 1000 characters', async () => {
    const result = await createWith([
      { componentBadge: { badgeLabel: 'b'.repeat(501) } },
      { componentCopyButton: { copyButtonValue: 'c'.repeat(1001) } },
    ]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual([
      'components.0.componentBadge.badgeLabel',
      'components.1.componentCopyButton.copyButtonValue',
    ]);
  });

  it('refuses a component with two kinds set, or none', async () => {
    const result = await createWith([{ componentText: { text: 'a' }, componentDivider: {} }, {}]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual(['components.0', 'components.1']);
  });

  it('refuses a row without aside content and a workflow button without an identifier', async () => {
    const result = await createWith([
      { componentRow: { rowMainContent: [{ componentText: { text: 'a' } }], rowAsideContent: [] } },
      { componentWorkflowButton: { workflowButtonLabel: 'Go', workflowButtonWorkflowIdentifier: {} } },
    ]);
    expect(result.error.fields.map((f: any) => f.field)).toEqual([
      'components.0.componentRow.rowAsideContent',
      'components.1.componentWorkflowButton.workflowButtonWorkflowIdentifier',
    ]);
  });

  it('answers 400 for a container in an event, which EventComponentInput does not have', async () => {
    const jane = await customerWithThreads(0);
    const { status } = await t.graphql(
      'mutation($input: CreateCustomerEventInput!) { createCustomerEvent(input: $input) { error { code } } }',
      {
        input: {
          title: 'x',
          customerIdentifier: { customerId: jane.customerId },
          components: [{ componentContainer: { containerContent: [{ componentText: { text: 'a' } }] } }],
        },
      },
    );
    expect(status).toBe(400);
  });
});
