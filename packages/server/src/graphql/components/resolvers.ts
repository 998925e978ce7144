import type { Component, ComponentKind } from '../../domain/components/component.js';

/** The GraphQL type of each component kind. */
const COMPONENT_TYPENAMES: { readonly [K in ComponentKind]: string } = {
  text: 'ComponentText',
  plainText: 'ComponentPlainText',
  spacer: 'ComponentSpacer',
  divider: 'ComponentDivider',
  linkButton: 'ComponentLinkButton',
  copyButton: 'ComponentCopyButton',
  badge: 'ComponentBadge',
  row: 'ComponentRow',
  container: 'ComponentContainer',
  workflowButton: 'ComponentWorkflowButton',
};

const resolveType = (component: Component) => COMPONENT_TYPENAMES[component.kind];

/** Resolvers of the component unions, and of the deprecated aliases of component fields. */
export const componentResolvers = {
  EventComponent: { resolveType },
  CustomTimelineEntryComponent: { resolveType },
  ComponentRowContent: { resolveType },
  ComponentContainerContent: { resolveType },
  ComponentText: {
    size: (c: Extract<Component, { kind: 'text' }>) => c.textSize,
    color: (c: Extract<Component, { kind: 'text' }>) => c.textColor,
  },
  ComponentSpacer: { size: (c: Extract<Component, { kind: 'spacer' }>) => c.spacerSize },
  ComponentDivider: { spacingSize: (c: Extract<Component, { kind: 'divider' }>) => c.dividerSpacingSize },
  ComponentLinkButton: {
    url: (c: Extract<Component, { kind: 'linkButton' }>) => c.linkButtonUrl,
    label: (c: Extract<Component, { kind: 'linkButton' }>) => c.linkButtonLabel,
  },
};
