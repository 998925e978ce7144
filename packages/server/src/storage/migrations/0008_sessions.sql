-- Sign-in sessions of the web app. The id is the SHA-256 (hex) of the random token in the person's
-- cookie, so a copy of this table signs nobody in.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- Sign-in looks a person up by email across workspaces (users_email_key leads with workspace_id).
CREATE INDEX users_lower_email ON users (lower(email));
