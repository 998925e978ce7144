-- Rate limiting: one row per limited bucket (the workspace, or one of its API keys) holding the
-- requests granted in its current one-minute window. Server processes claim allowances from it, so
-- several processes on one PostgreSQL share one limit.
CREATE TABLE rate_limit_windows (
  workspace_id text NOT NULL REFERENCES workspaces (id),
  -- 'workspace', or 'key:' and the API key's id.
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  granted integer NOT NULL,
  PRIMARY KEY (workspace_id, bucket)
);
