import type { ComponentTextColor, ComponentTextSize } from '../../../api/__generated__/graphql.js';
import { MarkdownContent } from './markdown-content.js';

/** Plain's ComponentText: markdown text in a size (S, M, L) and a colour; M and NORMAL when unset. */
export function ComponentText({
  text,
  size,
  color,
}: {
  text: string;
  size: ComponentTextSize | null;
  color: ComponentTextColor | null;
}) {
  return (
    <div className={`component-text ${textClasses(size, color)}`}>
      <MarkdownContent text={text} />
    </div>
  );
}

/** The size and colour classes ComponentText and ComponentPlainText share. */
export function textClasses(size: string | null, color: string | null): string {
  return `text-size-${(size ?? 'M').toLowerCase()} text-color-${(color ?? 'NORMAL').toLowerCase()}`;
}
