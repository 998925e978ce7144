import type { EntryComponentFragment } from '../../../api/__generated__/graphql.js';
import { ComponentBadge } from './component-badge.js';
import { ComponentContainer } from './component-container.js';
import { ComponentCopyButton } from './component-copy-button.js';
import { ComponentDivider } from './component-divider.js';
import { ComponentLinkButton } from './component-link-button.js';
import { ComponentPlainText } from './component-plain-text.js';
import { ComponentRow } from './component-row.js';
import { ComponentSpacer } from './component-spacer.js';
import { ComponentText } from './component-text.js';
import { ComponentWorkflowButton } from './component-workflow-button.js';

/**
 * Any UI component a timeline entry holds. Row contents, container contents and event components are
 * narrower unions of the same shapes, so this one type takes them all.
 */
export type UiComponentData = EntryComponentFragment;

/** A list of UI components, in order, as Plain draws them. */
export function UiComponents({ components }: { components: readonly UiComponentData[] }) {
  // Components have no ids and never reorder: the index is their identity.
  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
  return components.map((component, index) => <UiComponent key={index} component={component} />);
}

/** One UI component, by its kind. */
export function UiComponent({ component }: { component: UiComponentData }) {
  switch (component.__typename) {
    case 'ComponentText':
      return <ComponentText text={component.text} size={component.textSize} color={component.textColor} />;
    case 'ComponentPlainText':
      return (
        <ComponentPlainText
          text={component.plainText}
          size={component.plainTextSize}
          color={component.plainTextColor}
        />
      );
    case 'ComponentSpacer':
      return <ComponentSpacer size={component.spacerSize} />;
    case 'ComponentDivider':
      return <ComponentDivider spacingSize={component.dividerSpacingSize} />;
    case 'ComponentLinkButton':
      return <ComponentLinkButton url={component.linkButtonUrl} label={component.linkButtonLabel} />;
    case 'ComponentCopyButton':
      return (
        <ComponentCopyButton value={component.copyButtonValue} tooltip={component.copyButtonTooltipLabel} />
      );
    case 'ComponentBadge':
      return <ComponentBadge label={component.badgeLabel} color={component.badgeColor} />;
    case 'ComponentWorkflowButton':
      return <ComponentWorkflowButton label={component.workflowButtonLabel} />;
    case 'ComponentRow':
      return (
        <ComponentRow
          main={<UiComponents components={component.rowMainContent} />}
          aside={<UiComponents components={component.rowAsideContent} />}
        />
      );
    case 'ComponentContainer':
      return (
        <ComponentContainer>
          <UiComponents components={component.containerContent} />
        </ComponentContainer>
      );
  }
}
