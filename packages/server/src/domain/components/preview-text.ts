import type { Component } from './component.js';

/** Plain's previewText is at most 500 characters (webhook schema). */
const PREVIEW_LENGTH = 500;

function textsOf(component: Component): string[] {
  switch (component.kind) {
    case 'text':
      return [stripMarkdown(component.text)];
    case 'plainText':
      return [component.plainText];
    case 'row':
      return [...component.rowMainContent, ...component.rowAsideContent].flatMap(textsOf);
    case 'container':
      return component.containerContent.flatMap(textsOf);
    default:
      return [];
  }
}

/** Removes the markdown marks Plain's text component supports: bold, italic, code, links. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

/**
 * The preview of a message: the text of its text and plain-text components (inside rows and
 * containers too), joined by spaces, whitespace collapsed, cut to 500 characters. Null if none.
 */
export function previewTextOf(components: readonly Component[]): string | null {
  const text = components.flatMap(textsOf).join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}
