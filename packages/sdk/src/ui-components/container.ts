import type { ComponentContainerContentInput, ComponentContainerInput } from '../__generated__/graphql.js';

/**
 * A box around other components. Only a thread's first message may hold one (its type is not an
 * event component), and it may not hold another container.
 */
export function container(args: { content: ComponentContainerContentInput[] }): {
  componentContainer: ComponentContainerInput;
} {
  return { componentContainer: { containerContent: args.content } };
}
