import type { ComponentSpacerSize } from '../../../api/__generated__/graphql.js';

/** Plain's ComponentSpacer: empty space, XS 4px to XL 24px (timeline.css sizes it by data-size). */
export function ComponentSpacer({ size }: { size: ComponentSpacerSize }) {
  return <div className="component-spacer" data-size={size} aria-hidden="true" />;
}
