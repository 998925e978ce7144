import type { ComponentBadgeColor } from '../../../api/__generated__/graphql.js';

/** Plain's ComponentBadge: a short label in a colour; GREY when unset. */
export function ComponentBadge({ label, color }: { label: string; color: ComponentBadgeColor | null }) {
  return <span className={`badge badge-${(color ?? 'GREY').toLowerCase()}`}>{label}</span>;
}
