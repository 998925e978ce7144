import { Link } from 'wouter';
import { useDirectory } from '../../hooks/use-directory.js';
import { AssigneeControl } from './assignee-control.js';
import { CopyableId } from './copyable-id.js';
import { LabelsControl } from './labels-control.js';
import { PriorityControl } from './priority-control.js';
import { StatusControl } from './status-control.js';
import { ThreadFieldControl } from './thread-field-control.js';
import type { PanelThread } from './thread-types.js';

/** The thread's details beside its timeline: everything an agent changes, the customer and the IDs. */
export function ThreadPanel({ thread }: { thread: PanelThread }) {
  const { fieldSchemas } = useDirectory();
  return (
    <aside aria-label="Thread details" className="thread-panel">
      <section className="panel-section">
        <StatusControl thread={thread} />
        <PriorityControl thread={thread} />
        <AssigneeControl thread={thread} />
      </section>
      <section className="panel-section">
        <LabelsControl thread={thread} />
      </section>
      {fieldSchemas.length > 0 && (
        <section className="panel-section" aria-labelledby="thread-fields-heading">
          <h3 id="thread-fields-heading" className="panel-heading">
            Fields
          </h3>
          {fieldSchemas.map((schema) => (
            <ThreadFieldControl key={schema.id} thread={thread} schema={schema} />
          ))}
        </section>
      )}
      <section className="panel-section" aria-labelledby="thread-customer-heading">
        <h3 id="thread-customer-heading" className="panel-heading">
          Customer
        </h3>
        <p className="panel-customer">
          <Link href={`/customers/${thread.customer.id}`}>{thread.customer.fullName}</Link>
          <br />
          <span className="muted">{thread.customer.email.email}</span>
        </p>
      </section>
      <section className="panel-section" aria-labelledby="thread-ids-heading">
        <h3 id="thread-ids-heading" className="panel-heading">
          IDs
        </h3>
        <dl className="id-list">
          <CopyableId name="thread ID" value={thread.id} />
          <CopyableId name="customer ID" value={thread.customer.id} />
        </dl>
      </section>
    </aside>
  );
}
