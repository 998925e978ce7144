import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import {
  type ThreadDetailFragment,
  ThreadViewDocument,
  UpdateThreadTitleDocument,
} from '../api/__generated__/graphql.js';
import { ApiError, request } from '../api/client.js';
import { Composer } from '../components/composer.js';
import { ErrorMessage } from '../components/thread-panel/error-message.js';
import { ThreadPanel } from '../components/thread-panel/thread-panel.js';
import { refreshThread } from '../components/thread-panel/use-thread-change.js';
import { ThreadTimeline } from '../components/timeline/thread-timeline.js';
import { setCurrentThread } from '../lib/current-thread.js';
import '../thread.css';
import '../timeline.css';
import { Alert } from '../components/alert.js';

/** One thread: its title, the timeline with a composer below, and its details beside. */
export function ThreadPage() {
  const { threadId } = useParams<{ threadId: string }>();
  const query = useQuery({
    queryKey: ['thread', threadId],
    queryFn: () => request(ThreadViewDocument, { threadId }),
  });
  const thread = query.data?.thread;
  /** Counts what the composer sent: the timeline follows to its end to show each. */
  const [sentCount, setSentCount] = useState(0);
  useCurrentThreadWhileShown(thread);

  if (query.isPending) return <main className="page muted">Loading the thread…</main>;
  if (query.isError) {
    return (
      <main className="page">
        <Alert message={query.error.message} />
      </main>
    );
  }
  if (!thread) {
    return (
      <main className="page">
        <h1>Thread not found</h1>
        <p>There is no thread {threadId} in this workspace.</p>
      </main>
    );
  }
  return (
    <main className="page thread-page">
      <div className="thread-main">
        <header className="thread-header">
          <ThreadTitle thread={thread} />
          <p className="thread-subtitle muted">
            <span className="ref">{thread.ref}</span> ·{' '}
            <Link href={`/customers/${thread.customer.id}`}>{thread.customer.fullName}</Link>
          </p>
        </header>
        <ThreadTimeline threadId={thread.id} sentCount={sentCount} />
        <Composer
          threadId={thread.id}
          customerId={thread.customer.id}
          onSent={() => setSentCount((count) => count + 1)}
        />
      </div>
      <ThreadPanel thread={thread} />
    </main>
  );
}

/** Tells the command palette which thread is on screen (and the tab its ref and title). */
function useCurrentThreadWhileShown(thread: ThreadDetailFragment | null | undefined) {
  const id = thread?.id;
  const ref = thread?.ref;
  const customerId = thread?.customer.id;
  const title = thread?.title;
  useEffect(() => {
    if (!id || !ref || !customerId) return;
    setCurrentThread({ id, ref, customerId });
    return () => setCurrentThread(null);
  }, [id, ref, customerId]);
  useEffect(() => {
    if (!ref) return;
    const previous = document.title;
    document.title = `${ref} ${title} · Threadline`;
    return () => {
      document.title = previous;
    };
  }, [ref, title]);
}

/** The title as a heading; "Edit title" turns it into an input that Enter saves and Escape leaves. */
function ThreadTitle({ thread }: { thread: ThreadDetailFragment }) {
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState(thread.title);
  const editButton = useRef<HTMLButtonElement>(null);
  const hasEdited = useRef(false);
  const ids = { input: useId(), error: useId() };
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async (title: string) => {
      const { updateThreadTitle } = await request(UpdateThreadTitleDocument, {
        input: { threadId: thread.id, title },
      });
      if (updateThreadTitle.error) {
        throw new ApiError({
          type: 'mutation_error',
          message: updateThreadTitle.error.message,
          errorDetails: { __typename: 'MutationError', ...updateThreadTitle.error },
        });
      }
      // Leave editing only once the new title is there to show.
      await refreshThread(queryClient, thread.id);
    },
    onSuccess: () => setEditing(false),
  });

  // Back from editing, the keyboard returns to the button that started it.
  useEffect(() => {
    if (!isEditing && hasEdited.current) editButton.current?.focus();
  }, [isEditing]);

  if (!isEditing) {
    return (
      <div className="thread-title-row">
        <h1>{thread.title}</h1>
        <button
          ref={editButton}
          type="button"
          className="button button-small"
          onClick={() => {
            setDraft(thread.title);
            save.reset();
            hasEdited.current = true;
            setEditing(true);
          }}
        >
          Edit title
        </button>
      </div>
    );
  }
  return (
    <form
      className="thread-title-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft.trim());
      }}
    >
      <label htmlFor={ids.input} className="visually-hidden">
        Title
      </label>
      <input
        id={ids.input}
        className="thread-title-input"
        value={draft}
        // biome-ignore lint/a11y/noAutofocus: the user asked to edit; the input replaces the button they pressed.
        autoFocus
        readOnly={save.isPending}
        aria-describedby={save.error ? ids.error : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setEditing(false);
        }}
      />
      <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
        Save
      </button>
      <button type="button" className="button button-small" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <ErrorMessage id={ids.error} error={save.error} />
    </form>
  );
}
