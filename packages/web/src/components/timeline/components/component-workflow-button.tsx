import { announce } from '../../../lib/announcer.js';

/**
 * Plain's ComponentWorkflowButton. Threadline has no workflows, so clicking only says so; it stays a
 * real button so the message it sends is still shown and reachable as the sender meant.
 */
export function ComponentWorkflowButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="workflow-button"
      onClick={() => announce(`"${label}" runs a workflow, and workflows are not run by Threadline`)}
    >
      {label}
    </button>
  );
}
