import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import { type Row, toDate } from './rows.js';

/** A delivery claimed for one attempt, with what the attempt needs to send. */
export interface ClaimedDelivery {
  workspaceId: string;
  eventId: string;
  eventType: string;
  eventTimestamp: Date;
  payload: unknown;
  targetId: string;
  url: string;
  version: string;
  signingSecret: string | null;
  /** The number of this attempt: 1 for the first. */
  attemptNumber: number;
  retriesUsed: number;
}

/** How an attempt ended, in Plain's WebhookDeliveryAttemptResultStatus terms. */
export type AttemptResult = 'SUCCESSFUL_RESPONSE' | 'FAILED_RESPONSE' | 'ERROR' | 'REJECTED';

/** One attempt as the log keeps it. */
export interface DeliveryAttemptRecord {
  workspaceId: string;
  id: string;
  targetId: string;
  eventId: string;
  eventType: string;
  attemptNumber: number;
  attemptedAt: Date;
  durationMs: number;
  result: AttemptResult;
  httpStatus: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  responseExcerpt: string | null;
}

/**
 * Claims up to `limit` due deliveries of enabled targets for one attempt each. Rows another worker
 * holds are skipped (FOR UPDATE SKIP LOCKED), and a claimed row's due time moves to `leaseUntil`,
 * so no other worker, in this process or another, sends the same attempt; if this process dies
 * mid-attempt, the delivery is due again when the lease ends.
 */
export async function claimDueDeliveries(
  db: Queryable,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await db.query(
    `WITH due AS (
       SELECT d.event_id, d.target_id FROM webhook_deliveries d
       JOIN webhook_targets t ON t.id = d.target_id
       WHERE d.state = 'pending' AND d.next_attempt_at <= $1 AND t.is_enabled
       ORDER BY d.next_attempt_at
       LIMIT $3
       FOR UPDATE OF d SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = $2
       FROM due WHERE d.event_id = due.event_id AND d.target_id = due.target_id
       RETURNING d.*
     )
     SELECT c.workspace_id, c.event_id, c.target_id, c.attempts, c.retries_used, e.type, e."timestamp",
       e.payload, t.url, t.version, w.webhook_signing_secret
     FROM claimed c
     JOIN webhook_events e ON e.id = c.event_id
     JOIN webhook_targets t ON t.id = c.target_id
     JOIN workspaces w ON w.id = c.workspace_id`,
    [now, leaseUntil, limit],
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id as string,
    eventId: row.event_id as string,
    eventType: row.type as string,
    eventTimestamp: toDate(row.timestamp),
    payload: row.payload,
    targetId: row.target_id as string,
    url: row.url as string,
    version: row.version as string,
    signingSecret: (row.webhook_signing_secret as string | null) ?? null,
    attemptNumber: row.attempts as number,
    retriesUsed: row.retries_used as number,
  }));
}

/** What follows an attempt: delivered, failed for good, or retried at a time. */
export type DeliveryOutcome =
  | { state: 'delivered' }
  | { state: 'failed' }
  | { state: 'pending'; nextAttemptAt: Date; retriesUsed: number };

/** A finished attempt and what follows it. */
export interface FinishedAttempt {
  attempt: DeliveryAttemptRecord;
  outcome: DeliveryOutcome;
}

/**
 * Stores finished attempts and what follows each, in one statement (atomic without a transaction),
 * and ends the run of failures of each target one of them reached.
 */
export async function recordAttempts(db: Queryable, finished: readonly FinishedAttempt[]): Promise<void> {
  if (finished.length === 0) return;
  await db.query(
    `WITH x AS (
       SELECT * FROM json_to_recordset($1::json) AS x(workspace_id text, id text, target_id text, event_id text,
         event_type text, attempt_number integer, attempted_at timestamptz, duration_ms integer, result text,
         http_status integer, error_code text, error_message text, response_excerpt text, state text,
         next_attempt_at timestamptz, retries_used integer)
     ), attempts AS (
       INSERT INTO webhook_delivery_attempts (workspace_id, id, target_id, event_id, event_type, attempt_number,
         attempted_at, duration_ms, result, http_status, error_code, error_message, response_excerpt)
       SELECT workspace_id, id, target_id, event_id, event_type, attempt_number, attempted_at, duration_ms, result,
         http_status, error_code, error_message, response_excerpt
       FROM x
     ), deliveries AS (
       UPDATE webhook_deliveries d SET state = x.state, next_attempt_at = COALESCE(x.next_attempt_at, d.next_attempt_at),
         retries_used = COALESCE(x.retries_used, d.retries_used)
       FROM x WHERE d.event_id = x.event_id AND d.target_id = x.target_id
     )
     UPDATE webhook_targets SET failing_since = NULL
     WHERE id IN (SELECT target_id FROM x WHERE state = 'delivered') AND failing_since IS NOT NULL`,
    [
      JSON.stringify(
        finished.map(({ attempt: a, outcome }) => ({
          workspace_id: a.workspaceId,
          id: a.id,
          target_id: a.targetId,
          event_id: a.eventId,
          event_type: a.eventType,
          attempt_number: a.attemptNumber,
          attempted_at: a.attemptedAt.toISOString(),
          duration_ms: a.durationMs,
          result: a.result,
          http_status: a.httpStatus,
          error_code: a.errorCode,
          error_message: a.errorMessage,
          response_excerpt: a.responseExcerpt,
          state: outcome.state,
          next_attempt_at: outcome.state === 'pending' ? outcome.nextAttemptAt.toISOString() : null,
          retries_used: outcome.state === 'pending' ? outcome.retriesUsed : null,
        })),
      ),
    ],
  );
}

/** Notes a failed attempt: the target's run of failures starts, if it had not. Returns when it began. */
export async function markTargetFailing(db: Queryable, targetId: string, at: Date): Promise<Date | null> {
  const rows = await db.query(
    `UPDATE webhook_targets SET failing_since = COALESCE(failing_since, $2) WHERE id = $1 RETURNING failing_since`,
    [targetId, at],
  );
  return rows[0]?.failing_since ? toDate(rows[0].failing_since) : null;
}

/** Disables a target that kept failing, saying why. */
export async function disableTarget(
  tx: Queryable,
  targetId: string,
  reason: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE webhook_targets SET is_enabled = false, disabled_reason = $2, disabled_at = $3
     WHERE id = $1 AND is_enabled`,
    [targetId, reason, at],
  );
}

function toAttempt(row: Row): DeliveryAttemptRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    targetId: row.target_id as string,
    eventId: row.event_id as string,
    eventType: row.event_type as string,
    attemptNumber: row.attempt_number as number,
    attemptedAt: toDate(row.attempted_at),
    durationMs: row.duration_ms as number,
    result: row.result as AttemptResult,
    httpStatus: (row.http_status as number | null) ?? null,
    errorCode: (row.error_code as string | null) ?? null,
    errorMessage: (row.error_message as string | null) ?? null,
    responseExcerpt: (row.response_excerpt as string | null) ?? null,
  };
}

const ATTEMPT_KEY: KeyColumn[] = [
  { sql: 'attempted_at', cast: 'timestamptz' },
  { sql: 'id', cast: 'text' },
];

/** Which attempts of a target's log to read. */
export interface AttemptFilter {
  eventTypes?: readonly string[] | null;
  result?: AttemptResult | null;
  eventId?: string | null;
}

/** One page of a target's delivery log, newest first (the keyset's "forward" reads backwards in time). */
export async function listAttempts(
  db: Queryable,
  workspaceId: string,
  targetId: string,
  filter: AttemptFilter,
  page: KeysetRequest,
): Promise<DeliveryAttemptRecord[]> {
  const k = keysetSql(ATTEMPT_KEY, page, 6, true);
  const rows = await db.query(
    `SELECT * FROM webhook_delivery_attempts
     WHERE workspace_id = $1 AND target_id = $2 AND ($3::text[] IS NULL OR event_type = ANY ($3::text[]))
       AND ($4::text IS NULL OR result = $4) AND ($5::text IS NULL OR event_id = $5) AND ${k.where}
     ORDER BY ${k.orderBy} ${k.limit}`,
    [
      workspaceId,
      targetId,
      filter.eventTypes ?? null,
      filter.result ?? null,
      filter.eventId ?? null,
      ...k.params,
    ],
  );
  return rows.map(toAttempt);
}

/** The sort key of an attempt, for its cursor. */
export function attemptKey(attempt: DeliveryAttemptRecord): string[] {
  return [attempt.attemptedAt.toISOString(), attempt.id];
}

/**
 * Sends events to a target again: its delivery of one event (any state), or every delivery that
 * failed for good since a time. The delivery is pending and due at `at`, with the retry schedule
 * from its start; attempt numbers go on from the last. Returns the ids of the events replayed.
 */
export async function replayDeliveries(
  tx: Queryable,
  workspaceId: string,
  targetId: string,
  which: { eventId: string } | { failedSince: Date },
  at: Date,
): Promise<string[]> {
  const rows = await tx.query<{ event_id: string }>(
    `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = $5, retries_used = 0
     WHERE workspace_id = $1 AND target_id = $2
       AND ($3::text IS NULL OR event_id = $3)
       AND ($4::timestamptz IS NULL OR (state = 'failed' AND created_at >= $4))
     RETURNING event_id`,
    [
      workspaceId,
      targetId,
      'eventId' in which ? which.eventId : null,
      'failedSince' in which ? which.failedSince : null,
      at,
    ],
  );
  return rows.map((row) => row.event_id);
}

/**
 * Deletes what is older than `before`: attempts, and events whose deliveries are all finished (with
 * those deliveries). Events still pending stay, however old. Returns the number of events deleted.
 */
export async function pruneDeliveryLog(db: Queryable, before: Date): Promise<number> {
  await db.query('DELETE FROM webhook_delivery_attempts WHERE attempted_at < $1', [before]);
  const rows = await db.query(
    `DELETE FROM webhook_events e WHERE e."timestamp" < $1
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.state = 'pending')
     RETURNING e.id`,
    [before],
  );
  return rows.length;
}
