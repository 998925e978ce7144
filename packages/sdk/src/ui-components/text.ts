import type { ComponentTextColor, ComponentTextInput, ComponentTextSize } from '../__generated__/graphql.js';

/** Markdown text: `uiComponent.text({ text: 'New API key **3b78**', size: 'S', color: 'MUTED' })`. */
export function text(args: { text: string; size?: ComponentTextSize; color?: ComponentTextColor }): {
  componentText: ComponentTextInput;
} {
  return { componentText: { text: args.text, textSize: args.size ?? null, textColor: args.color ?? null } };
}
