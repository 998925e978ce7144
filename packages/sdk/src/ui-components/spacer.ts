import type { ComponentSpacerInput, ComponentSpacerSize } from '../__generated__/graphql.js';

/** Vertical space; the server uses M when no size is given. */
export function spacer(args: { size?: ComponentSpacerSize } = {}): { componentSpacer: ComponentSpacerInput } {
  return { componentSpacer: { spacerSize: args.size ?? null } };
}
