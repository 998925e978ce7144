-- Lists and search: an index for each sort order and common filter of threads(...) and customers(...),
-- and full-text search vectors (searchThreads, searchCustomers).

-- Words are split at anything that is not a letter or digit, so "jane@example.com" is found by
-- "example" and "T-42" by "42"; the 'simple' configuration lowercases and does not stem, which suits
-- names, emails and ids better than a language's stemmer.
ALTER TABLE threads ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', regexp_replace(
    title || ' ' || coalesce(description, '') || ' ' || coalesce(preview_text, '') || ' T-' || ref::text,
    '[^[:alnum:]]+', ' ', 'g'))
) STORED;
CREATE INDEX threads_search ON threads USING gin (search_vector);

ALTER TABLE customers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', regexp_replace(
    full_name || ' ' || coalesce(short_name, '') || ' ' || email || ' ' || coalesce(external_id, ''),
    '[^[:alnum:]]+', ' ', 'g'))
) STORED;
CREATE INDEX customers_search ON customers USING gin (search_vector);

-- threads(sortBy): each order alone and within one status (the inbox's usual filter).
CREATE INDEX threads_created ON threads (workspace_id, created_at, id);
CREATE INDEX threads_status_changed ON threads (workspace_id, status_changed_at, id);
CREATE INDEX threads_priority ON threads (workspace_id, priority, id);
CREATE INDEX threads_status_created ON threads (workspace_id, status, created_at, id);
CREATE INDEX threads_status_status_changed ON threads (workspace_id, status, status_changed_at, id);
CREATE INDEX threads_status_priority ON threads (workspace_id, status, priority, id);
-- threads(filters): assignee, customer, label type.
CREATE INDEX threads_assigned ON threads (workspace_id, assigned_to, created_at, id) WHERE assigned_to IS NOT NULL;
CREATE INDEX threads_customer_created ON threads (workspace_id, customer_id, created_at, id);
CREATE INDEX labels_label_type ON labels (workspace_id, label_type_id, thread_id);

-- customers(sortBy: FULL_NAME), case-insensitive, and customers(filters: {updatedAt}).
CREATE INDEX customers_full_name ON customers (workspace_id, lower(full_name), id);
CREATE INDEX customers_updated ON customers (workspace_id, updated_at, id);
