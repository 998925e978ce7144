import { useInfiniteQuery } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import {
  InboxThreadsDocument,
  type InboxThreadsQueryVariables,
  type ThreadsFilter,
} from '../api/__generated__/graphql.js';
import { request } from '../api/client.js';
import { Alert } from '../components/alert.js';
import { FilterSelect } from '../components/filter-select.js';
import { ThreadRowItem } from '../components/thread-row.js';
import { useDirectory } from '../hooks/use-directory.js';
import { useMe } from '../hooks/use-session.js';
import { PRIORITIES, STATUSES } from '../lib/format.js';

const PAGE_SIZE = 25;

const SORTS = {
  recent: { label: 'Recently changed', sortBy: { field: 'STATUS_CHANGED_AT', direction: 'DESC' } },
  oldest: { label: 'Oldest change first', sortBy: { field: 'STATUS_CHANGED_AT', direction: 'ASC' } },
  priority: { label: 'Priority', sortBy: { field: 'PRIORITY', direction: 'ASC' } },
  created: { label: 'Newest', sortBy: { field: 'CREATED_AT', direction: 'DESC' } },
} as const satisfies Record<string, { label: string; sortBy: InboxThreadsQueryVariables['sortBy'] }>;
type SortKey = keyof typeof SORTS;

/**
 * j / k (and the arrow keys) move focus between the list's threads, as in Linear and Gmail; Enter
 * opens the focused one, and Cmd+K acts on it.
 */
function moveBetweenRows(event: KeyboardEvent<HTMLUListElement>) {
  const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
  if (!step || event.metaKey || event.ctrlKey || event.altKey) return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('.thread-row-link')];
  const next = links[links.indexOf(document.activeElement as HTMLAnchorElement) + step];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Threads of one status, filtered by label, priority and assignee, sorted and paged. */
export function InboxPage() {
  const { status: statusPath } = useParams<{ status: string }>();
  const status = STATUSES.find((s) => s.path === statusPath) ?? STATUSES[0];
  const [search, setSearch] = useSearchParams();
  const me = useMe();
  const directory = useDirectory();
  const label = search.get('label') ?? '';
  const priority = search.get('priority') ?? '';
  const assignee = search.get('assignee') ?? '';
  const sort: SortKey = (search.get('sort') as SortKey | null) ?? 'recent';

  const filters: ThreadsFilter = { statuses: [status.value] };
  if (label) filters.labelTypeIds = [label];
  if (priority) filters.priorities = [Number(priority)];
  if (assignee === 'unassigned') filters.isAssigned = false;
  else if (assignee) filters.assignedToUser = [assignee === 'me' ? me.id : assignee];
  const sortBy = (SORTS[sort] ?? SORTS.recent).sortBy;

  const threads = useInfiniteQuery({
    queryKey: ['threads', filters, sortBy],
    queryFn: ({ pageParam }) =>
      request(InboxThreadsDocument, { filters, sortBy, first: PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.threads.pageInfo.hasNextPage ? last.threads.pageInfo.endCursor : null),
  });

  const setFilter = (name: string, value: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const rows = threads.data?.pages.flatMap((page) => page.threads.edges.map((e) => e.node)) ?? [];
  return (
    <main className="page inbox">
      <header className="page-header">
        <h1>{status.label}</h1>
        <nav className="tabs" aria-label="Status">
          {STATUSES.map((s) => (
            <Link
              key={s.value}
              href={`/inbox/${s.path}${search.size ? `?${search}` : ''}`}
              className="tab"
              aria-current={s.value === status.value ? 'page' : undefined}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      </header>
      <fieldset className="filters">
        <legend className="visually-hidden">Filters</legend>
        <FilterSelect label="Label" value={label} onChange={(value) => setFilter('label', value)}>
          <option value="">Any label</option>
          {directory.labelTypes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Priority" value={priority} onChange={(value) => setFilter('priority', value)}>
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect label="Assignee" value={assignee} onChange={(value) => setFilter('assignee', value)}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {directory.users
            .filter((u) => u.id !== me.id)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
        </FilterSelect>
        <FilterSelect
          label="Sort"
          value={sort}
          onChange={(value) => setFilter('sort', value === 'recent' ? '' : value)}
        >
          {Object.entries(SORTS).map(([key, s]) => (
            <option key={key} value={key}>
              {s.label}
            </option>
          ))}
        </FilterSelect>
      </fieldset>
      {threads.isPending ? (
        <p className="muted">Loading threads…</p>
      ) : threads.isError ? (
        <Alert message={threads.error.message} />
      ) : rows.length === 0 ? (
        <p className="empty">
          No {status.label.toLowerCase()} threads{search.size ? ' match these filters' : ''}.
        </p>
      ) : (
        <ul className="thread-list" aria-label={`${status.label} threads`} onKeyDown={moveBetweenRows}>
          {rows.map((thread) => (
            <ThreadRowItem key={thread.id} thread={thread} />
          ))}
        </ul>
      )}
      {threads.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          onClick={() => threads.fetchNextPage()}
          disabled={threads.isFetchingNextPage}
        >
          {threads.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </main>
  );
}
