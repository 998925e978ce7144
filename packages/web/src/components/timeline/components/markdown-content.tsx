import { Fragment, type ReactNode } from 'react';
import { type MarkdownToken, parseMarkdown } from '../../../lib/markdown.js';

/** Markdown text (lib/markdown.ts's subset) as React elements: links open in a new tab. */
export function MarkdownContent({ text }: { text: string }) {
  return <>{renderTokens(parseMarkdown(text))}</>;
}

function renderTokens(tokens: MarkdownToken[]): ReactNode {
  return tokens.map((token, index) => (
    // Tokens are made afresh from the text and never reorder: their position is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
    <Fragment key={index}>{renderToken(token)}</Fragment>
  ));
}

function renderToken(token: MarkdownToken): ReactNode {
  switch (token.type) {
    case 'text':
      return token.text;
    case 'bold':
      return <strong>{renderTokens(token.children)}</strong>;
    case 'italic':
      return <em>{renderTokens(token.children)}</em>;
    case 'code':
      return <code>{token.text}</code>;
    case 'link':
      return (
        <a href={token.href} target="_blank" rel="noopener noreferrer">
          {renderTokens(token.children)}
        </a>
      );
    case 'break':
      return <br />;
  }
}
