import type { ComponentPlainTextColor, ComponentPlainTextSize } from '../../../api/__generated__/graphql.js';
import { textClasses } from './component-text.js';

/** Plain's ComponentPlainText: the text exactly as written (white space kept), no markdown. */
export function ComponentPlainText({
  text,
  size,
  color,
}: {
  text: string;
  size: ComponentPlainTextSize | null;
  color: ComponentPlainTextColor | null;
}) {
  return <div className={`component-plain-text ${textClasses(size, color)}`}>{text}</div>;
}
