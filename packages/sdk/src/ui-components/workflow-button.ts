import type { ComponentWorkflowButtonInput } from '../__generated__/graphql.js';

/** A button that starts a workflow, named by id (as in Plain's SDK) or by key. */
export function workflowButton(
  args: { label: string; workflowId: string } | { label: string; workflowKey: string },
): { componentWorkflowButton: ComponentWorkflowButtonInput } {
  const workflowButtonWorkflowIdentifier =
    'workflowId' in args ? { workflowId: args.workflowId } : { workflowKey: args.workflowKey };
  return { componentWorkflowButton: { workflowButtonLabel: args.label, workflowButtonWorkflowIdentifier } };
}
