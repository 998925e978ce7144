import type { ComponentCopyButtonInput } from '../__generated__/graphql.js';

/** A button that copies `value` to the clipboard. */
export function copyButton(args: { value: string; tooltip?: string }): {
  componentCopyButton: ComponentCopyButtonInput;
} {
  return {
    componentCopyButton: { copyButtonValue: args.value, copyButtonTooltipLabel: args.tooltip ?? null },
  };
}
