import type { ComponentDividerInput, ComponentDividerSpacingSize } from '../__generated__/graphql.js';

/** A horizontal rule, with space around it. */
export function divider(args: { spacingSize?: ComponentDividerSpacingSize } = {}): {
  componentDivider: ComponentDividerInput;
} {
  return { componentDivider: { dividerSpacingSize: args.spacingSize ?? null } };
}
