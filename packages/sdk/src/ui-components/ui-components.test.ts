import { describe, expect, it } from 'vitest';
import type { ComponentInput, EventComponentInput } from '../__generated__/graphql.js';
import { uiComponent } from './index.js';

describe('uiComponent', () => {
  it('builds each kind as the one-field input the API takes', () => {
    const components: ComponentInput[] = [
      uiComponent.text({ text: 'hello', size: 'S', color: 'MUTED' }),
      uiComponent.plainText({ text: 'plain' }),
      uiComponent.spacer({ size: 'M' }),
      uiComponent.divider(),
      uiComponent.linkButton({ label: 'Open', url: 'https://example.com' }),
      uiComponent.copyButton({ value: 'abc', tooltip: 'Copy' }),
      uiComponent.badge({ label: 'ok', color: 'GREEN' }),
      uiComponent.workflowButton({ label: 'Run', workflowId: 'wf_1' }),
      uiComponent.row({
        mainContent: [uiComponent.text({ text: 'a' })],
        asideContent: [uiComponent.badge({ label: 'b' })],
      }),
      uiComponent.container({ content: [uiComponent.text({ text: 'c' })] }),
    ];
    expect(components).toEqual([
      { componentText: { text: 'hello', textSize: 'S', textColor: 'MUTED' } },
      { componentPlainText: { plainText: 'plain', plainTextSize: null, plainTextColor: null } },
      { componentSpacer: { spacerSize: 'M' } },
      { componentDivider: { dividerSpacingSize: null } },
      { componentLinkButton: { linkButtonLabel: 'Open', linkButtonUrl: 'https://example.com' } },
      { componentCopyButton: { copyButtonValue: 'abc', copyButtonTooltipLabel: 'Copy' } },
      { componentBadge: { badgeLabel: 'ok', badgeColor: 'GREEN' } },
      {
        componentWorkflowButton: {
          workflowButtonLabel: 'Run',
          workflowButtonWorkflowIdentifier: { workflowId: 'wf_1' },
        },
      },
      {
        componentRow: {
          rowMainContent: [{ componentText: { text: 'a', textSize: null, textColor: null } }],
          rowAsideContent: [{ componentBadge: { badgeLabel: 'b', badgeColor: null } }],
        },
      },
      {
        componentContainer: {
          containerContent: [{ componentText: { text: 'c', textSize: null, textColor: null } }],
        },
      },
    ]);
  });

  it('names a workflow by key as well as by id', () => {
    expect(
      uiComponent.workflowButton({ label: 'Run', workflowKey: 'refund' }).componentWorkflowButton,
    ).toEqual({
      workflowButtonLabel: 'Run',
      workflowButtonWorkflowIdentifier: { workflowKey: 'refund' },
    });
  });

  it('is typed so that an event cannot hold a container, nor a row another row', () => {
    // @ts-expect-error a container is a thread message component, not an event component
    const event: EventComponentInput = uiComponent.container({ content: [] });
    const nestedRow = uiComponent.row({ mainContent: [], asideContent: [] });
    // @ts-expect-error rows hold leaf components only
    uiComponent.row({ mainContent: [nestedRow], asideContent: [] });
    expect(event).toBeDefined();
  });
});
