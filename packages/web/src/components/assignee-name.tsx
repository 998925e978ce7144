import type { AssigneeFragment } from '../api/__generated__/graphql.js';

/** A thread's assignee by name (a user or machine user), or "System". */
export function AssigneeName({ assignee }: { assignee: AssigneeFragment }) {
  return <>{assignee.__typename === 'System' ? 'System' : assignee.fullName}</>;
}
