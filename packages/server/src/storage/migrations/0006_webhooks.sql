-- Webhooks: targets, an outbox of events written with the change that caused them, one delivery per
-- event and target, and a record of every attempt.

-- The key every delivery of the workspace is signed with (HMAC-SHA256). It has to be kept in clear
-- to sign; it is shown to owners only.
ALTER TABLE workspaces ADD COLUMN webhook_signing_secret text;

CREATE TABLE webhook_targets (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text PRIMARY KEY,
  url text NOT NULL,
  description text NOT NULL,
  is_enabled boolean NOT NULL,
  event_types text[] NOT NULL,
  version text NOT NULL,
  -- The start of the current run of failed attempts; null after a success. Disabling reads it.
  failing_since timestamptz,
  disabled_reason text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);
CREATE INDEX webhook_targets_workspace ON webhook_targets (workspace_id, id);

-- The outbox. An event is written only when some enabled target subscribes to its type.
CREATE TABLE webhook_events (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  id text PRIMARY KEY,
  type text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  payload jsonb NOT NULL
);
-- Old events are pruned (THREADLINE_WEBHOOK_RETENTION) in time order.
CREATE INDEX webhook_events_time ON webhook_events ("timestamp");

-- One per event and target. While pending, next_attempt_at is when the next attempt is due; while an
-- attempt is in flight it is the end of that attempt's lease, after which another worker may retry
-- (the attempt's process died).
CREATE TABLE webhook_deliveries (
  workspace_id text NOT NULL,
  event_id text NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
  target_id text NOT NULL REFERENCES webhook_targets (id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  -- Attempts sent so far; the next one carries attempts + 1.
  attempts integer NOT NULL DEFAULT 0,
  -- Retries of the schedule used since the delivery (or its last replay) began.
  retries_used integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (event_id, target_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_target ON webhook_deliveries (target_id, state, created_at);

CREATE TABLE webhook_delivery_attempts (
  workspace_id text NOT NULL,
  id text PRIMARY KEY,
  target_id text NOT NULL REFERENCES webhook_targets (id) ON DELETE CASCADE,
  event_id text NOT NULL,
  event_type text NOT NULL,
  attempt_number integer NOT NULL,
  attempted_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  -- Plain's WebhookDeliveryAttemptResultStatus: SUCCESSFUL_RESPONSE, FAILED_RESPONSE, ERROR, REJECTED.
  result text NOT NULL,
  http_status integer,
  error_code text,
  error_message text,
  -- The first bytes of the response body, for a person reading the log.
  response_excerpt text
);
CREATE INDEX webhook_delivery_attempts_target ON webhook_delivery_attempts (target_id, attempted_at, id);
CREATE INDEX webhook_delivery_attempts_time ON webhook_delivery_attempts (attempted_at);
