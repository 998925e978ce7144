import type { ComponentRowContentInput, ComponentRowInput } from '../__generated__/graphql.js';

/**
 * Two columns. The content types reject what a row cannot hold (a row or a container), at compile
 * time rather than as a validation error from the server.
 */
export function row(args: {
  mainContent: ComponentRowContentInput[];
  asideContent: ComponentRowContentInput[];
}): {
  componentRow: ComponentRowInput;
} {
  return { componentRow: { rowMainContent: args.mainContent, rowAsideContent: args.asideContent } };
}
