import type { ComponentBadgeColor, ComponentBadgeInput } from '../__generated__/graphql.js';

/** A small coloured label. */
export function badge(args: { label: string; color?: ComponentBadgeColor }): {
  componentBadge: ComponentBadgeInput;
} {
  return { componentBadge: { badgeLabel: args.label, badgeColor: args.color ?? null } };
}
