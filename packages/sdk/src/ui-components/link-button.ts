import type { ComponentLinkButtonInput } from '../__generated__/graphql.js';

/** A button that opens `url` (http or https). */
export function linkButton(args: { label: string; url: string }): {
  componentLinkButton: ComponentLinkButtonInput;
} {
  return { componentLinkButton: { linkButtonLabel: args.label, linkButtonUrl: args.url } };
}
