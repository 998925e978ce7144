-- Thread lists at a million threads (storage/thread-list-plan.ts): the indexes a filter leads with
-- when it keeps few threads, and the orders of thread field values.

-- threads(filters: {updatedAt}).
CREATE INDEX threads_updated ON threads (workspace_id, updated_at);

-- threads(filters: {threadFields}) and threads(sortBy: THREAD_FIELD), one index per value type,
-- each in the order the list reads (value, then thread id). STRING and ENUM values by their first
-- 500 characters: a B-tree entry cannot hold the 10,000 a value may have. That index is not partial,
-- so that ANALYZE keeps statistics of its expression for the planner.
CREATE INDEX thread_fields_string ON thread_fields (workspace_id, key, left(string_value, 500), thread_id);
CREATE INDEX thread_fields_number ON thread_fields (workspace_id, key, number_value, thread_id)
  WHERE number_value IS NOT NULL;
CREATE INDEX thread_fields_date ON thread_fields (workspace_id, key, date_value, thread_id)
  WHERE date_value IS NOT NULL;
CREATE INDEX thread_fields_boolean ON thread_fields (workspace_id, key, (boolean_value::integer), thread_id)
  WHERE boolean_value IS NOT NULL;
