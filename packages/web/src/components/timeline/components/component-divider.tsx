import type { ComponentDividerSpacingSize } from '../../../api/__generated__/graphql.js';

/** Plain's ComponentDivider: a rule with XS to XL space around it; M when unset. */
export function ComponentDivider({ spacingSize }: { spacingSize: ComponentDividerSpacingSize | null }) {
  return <hr className="component-divider" data-size={spacingSize ?? 'M'} />;
}
