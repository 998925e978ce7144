import type {
  ComponentPlainTextColor,
  ComponentPlainTextInput,
  ComponentPlainTextSize,
} from '../__generated__/graphql.js';

/** Text shown as is, without markdown. */
export function plainText(args: {
  text: string;
  size?: ComponentPlainTextSize;
  color?: ComponentPlainTextColor;
}): {
  componentPlainText: ComponentPlainTextInput;
} {
  return {
    componentPlainText: {
      plainText: args.text,
      plainTextSize: args.size ?? null,
      plainTextColor: args.color ?? null,
    },
  };
}
