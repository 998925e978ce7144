-- The support workflow: snooze timers, notes, and timeline entries for thread changes.

-- When a snoozed thread wakes up by itself (WAITING_FOR_DURATION, or WAITING_FOR_CUSTOMER with a
-- duration). The scheduler claims due rows through the partial index, so a wake-up survives a
-- restart: the due time is stored, not held in a process's timer.
ALTER TABLE threads ADD COLUMN snoozed_until timestamptz;
CREATE INDEX threads_snooze_due ON threads (snoozed_until)
  WHERE status = 'SNOOZED' AND snoozed_until IS NOT NULL;

-- Internal notes on a customer, optionally on one of their threads. They go with the customer.
CREATE TABLE notes (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  thread_id text REFERENCES threads (id) ON DELETE CASCADE,
  text text NOT NULL,
  markdown text,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
CREATE INDEX notes_customer ON notes (workspace_id, customer_id, created_at);
CREATE INDEX notes_thread ON notes (thread_id) WHERE thread_id IS NOT NULL;

-- A note's timeline entry reads the note itself, so an edit (later) shows everywhere at once.
-- Other new kinds ('chat', 'status_transitioned', 'assignment_transitioned', 'labels_changed',
-- 'priority_changed') keep their content in payload.
ALTER TABLE timeline_entries ADD COLUMN note_id text REFERENCES notes (id) ON DELETE CASCADE;
CREATE INDEX timeline_entries_note ON timeline_entries (note_id) WHERE note_id IS NOT NULL;
