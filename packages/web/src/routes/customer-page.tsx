import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'wouter';
import { CustomerViewDocument } from '../api/__generated__/graphql.js';
import { request } from '../api/client.js';
import { CopyableId } from '../components/thread-panel/copyable-id.js';
import { ThreadRowItem } from '../components/thread-row.js';
import { TimelineEntry } from '../components/timeline/timeline-entry.js';
import { formatTime } from '../lib/format.js';
import '../thread.css';
import '../timeline.css';
import { Alert } from '../components/alert.js';

/** A customer: who they are, their threads, and their latest 20 timeline entries across threads. */
export function CustomerPage() {
  const { customerId } = useParams<{ customerId: string }>();
  const query = useQuery({
    queryKey: ['customer', customerId],
    queryFn: () => request(CustomerViewDocument, { customerId }),
  });
  const customer = query.data?.customer;
  useEffect(() => {
    if (!customer) return;
    const previous = document.title;
    document.title = `${customer.fullName} · Threadline`;
    return () => {
      document.title = previous;
    };
  }, [customer]);

  if (query.isPending) return <main className="page muted">Loading the customer…</main>;
  if (query.isError) {
    return (
      <main className="page">
        <Alert message={query.error.message} />
      </main>
    );
  }
  if (!customer) {
    return (
      <main className="page">
        <h1>Customer not found</h1>
        <p>There is no customer {customerId} in this workspace.</p>
      </main>
    );
  }

  const threads = query.data.threads.edges.map((e) => e.node);
  const threadRefs = new Map(threads.map((t) => [t.id, t.ref]));
  // Fetched as the latest 20, oldest first; the newest reads best at the top of a profile.
  const entries = query.data.timelineEntries.edges.map((e) => e.node).reverse();

  return (
    <main className="page customer-page">
      <header>
        <h1>{customer.fullName}</h1>
        {customer.shortName && customer.shortName !== customer.fullName && (
          <p className="muted">{customer.shortName}</p>
        )}
      </header>
      <section className="card" aria-labelledby="customer-details-heading">
        <h2 id="customer-details-heading">Details</h2>
        <dl className="customer-details">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${customer.email.email}`}>{customer.email.email}</a>
            {customer.email.isVerified && <span className="muted">(verified)</span>}
          </dd>
          <dt>External ID</dt>
          <dd>{customer.externalId ?? <span className="muted">None</span>}</dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={customer.createdAt.iso8601}>{formatTime(customer.createdAt.iso8601)}</time>
          </dd>
          <CopyableId name="customer ID" value={customer.id} />
        </dl>
      </section>
      <section aria-labelledby="customer-threads-heading">
        <h2 id="customer-threads-heading">Threads</h2>
        {threads.length === 0 ? (
          <p className="empty">No threads yet.</p>
        ) : (
          <ul className="thread-list" aria-label={`Threads of ${customer.fullName}`}>
            {threads.map((thread) => (
              <ThreadRowItem key={thread.id} thread={thread} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="customer-activity-heading">
        <h2 id="customer-activity-heading">Latest activity</h2>
        {entries.length === 0 ? (
          <p className="empty">Nothing has happened yet.</p>
        ) : (
          <div className="customer-timeline card">
            {entries.map((item) => (
              <TimelineEntry
                key={item.id}
                item={item}
                footer={
                  item.threadId && (
                    <Link href={`/threads/${item.threadId}`} className="entry-thread-link">
                      In thread {threadRefs.get(item.threadId) ?? item.threadId}
                    </Link>
                  )
                }
              />
            ))}
          </div>
        )}
      </section>
    </main>
  );
}
