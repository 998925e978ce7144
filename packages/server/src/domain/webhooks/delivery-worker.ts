import { createHmac } from 'node:crypto';
import type { SendWebhook, WebhookRequest, WebhookResponse } from '../../outbound/webhook-sender.js';
import type { Db } from '../../storage/db.js';
import {
  type AttemptResult,
  type ClaimedDelivery,
  claimDueDeliveries,
  type DeliveryOutcome,
  disableTarget,
  type FinishedAttempt,
  markTargetFailing,
  pruneDeliveryLog,
  recordAttempts,
} from '../../storage/webhook-delivery-repository.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { DeliveryDoorbell } from './outbox.js';

/** What the worker needs. */
export interface DeliveryWorkerOptions {
  db: Db;
  clock: Clock;
  send: SendWebhook;
  /** Waits before each retry, in milliseconds: Plain's 10s, 30s, 5m, … unless configured. */
  retryScheduleMs: readonly number[];
  /** A target whose attempts all failed for this long is disabled. */
  disableAfterMs: number;
  /** The longest an attempt can take (the sender's timeout); a claim's lease outlasts it. */
  attemptTimeoutMs: number;
  /** How often to look for due deliveries when nothing rang. */
  pollIntervalMs: number;
  /** Attempts in flight at once, per process. */
  concurrency: number;
  /** Attempts, and events no longer pending, are deleted when older than this. */
  retentionMs: number;
  onError(error: unknown): void;
}

/**
 * How long a claim holds a delivery: twice the attempt timeout plus a second, time enough to send
 * and record the attempt. If the process dies mid-attempt, the delivery is due again after this.
 */
function leaseMs(attemptTimeoutMs: number): number {
  return 2 * attemptTimeoutMs + 1000;
}

/** Plain's User-Agent for webhook requests. */
const USER_AGENT = 'Plain-Webhooks/1.0 (plain.com; help@plain.com)';

/** The request body and headers of one attempt, signed with the workspace's secret. */
export function attemptRequest(delivery: ClaimedDelivery, attemptId: string, at: Date): WebhookRequest {
  const body = JSON.stringify({
    id: delivery.eventId,
    type: delivery.eventType,
    timestamp: delivery.eventTimestamp.toISOString(),
    workspaceId: delivery.workspaceId,
    payload: delivery.payload,
    webhookMetadata: {
      webhookTargetId: delivery.targetId,
      webhookTargetVersion: delivery.version,
      webhookDeliveryAttemptId: attemptId,
      webhookDeliveryAttemptNumber: delivery.attemptNumber,
      webhookDeliveryAttemptTimestamp: at.toISOString(),
    },
  });
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'plain-workspace-id': delivery.workspaceId,
    'plain-webhook-target-id': delivery.targetId,
    'plain-webhook-target-version': delivery.version,
    'plain-webhook-delivery-attempt-id': attemptId,
    'plain-webhook-delivery-attempt-number': String(delivery.attemptNumber),
    'plain-webhook-delivery-attempt-timestamp': at.toISOString(),
    'plain-event-type': delivery.eventType,
    'plain-event-id': delivery.eventId,
  };
  if (delivery.signingSecret) {
    headers['plain-request-signature'] = createHmac('sha256', delivery.signingSecret)
      .update(body)
      .digest('hex');
  }
  return { url: delivery.url, headers, body };
}

/**
 * Wraps a function of many items so that calls made while it runs are passed to it together next:
 * each call resolves once its item has been handled.
 */
function batched<T>(handle: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let queue: { item: T; done: () => void; fail: (error: unknown) => void }[] = [];
  let running = false;
  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await handle(batch.map((entry) => entry.item));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.fail(error);
      }
    }
    running = false;
  }
  return (item) =>
    new Promise<void>((done, fail) => {
      queue.push({ item, done, fail });
      if (!running) void drain();
    });
}

function resultOf(response: WebhookResponse): AttemptResult {
  if (response.kind === 'rejected') return 'REJECTED';
  if (response.kind === 'error') return 'ERROR';
  return response.status >= 200 && response.status < 300 ? 'SUCCESSFUL_RESPONSE' : 'FAILED_RESPONSE';
}

function describe(response: WebhookResponse): string {
  if (response.kind === 'response') return `HTTP ${response.status}`;
  return response.kind === 'error' ? `${response.code}: ${response.message}` : response.message;
}

/**
 * Starts the worker that delivers the outbox. Each pass claims due deliveries (FOR UPDATE SKIP
 * LOCKED with a lease, so processes sharing a database never send one attempt twice), POSTs them,
 * and records each attempt with what follows: delivered on a 2xx, else the next retry of the
 * schedule, else failed for good. A refused address (REJECTED) is not retried. A pass runs at
 * start, on every poll, and when the outbox rings after a commit.
 */
export function startDeliveryWorker(
  options: DeliveryWorkerOptions,
): DeliveryDoorbell & { stop(): Promise<void> } {
  const { db, clock } = options;
  let stopped = false;
  let running = false;
  let again = false;
  // Whether the last claim took as many deliveries as it could: then more may be due, and a finished
  // attempt looks for them at once; otherwise the next ring or poll does.
  let backlog = false;
  const inFlight = new Set<Promise<void>>();
  // Attempts that end while others are being stored are stored together, in one statement.
  const record = batched((finished: FinishedAttempt[]) => recordAttempts(db, finished));

  async function attempt(delivery: ClaimedDelivery): Promise<void> {
    const attemptId = newId('whAttempt');
    const at = clock();
    const started = performance.now();
    const response = await options.send(attemptRequest(delivery, attemptId, at));
    const durationMs = Math.round(performance.now() - started);
    const result = resultOf(response);
    const succeeded = result === 'SUCCESSFUL_RESPONSE';
    const now = clock();
    const retry = options.retryScheduleMs[delivery.retriesUsed];
    const outcome: DeliveryOutcome = succeeded
      ? { state: 'delivered' }
      : result !== 'REJECTED' && retry !== undefined
        ? {
            state: 'pending',
            nextAttemptAt: new Date(now.getTime() + retry),
            retriesUsed: delivery.retriesUsed + 1,
          }
        : { state: 'failed' };
    await record({
      attempt: {
        workspaceId: delivery.workspaceId,
        id: attemptId,
        targetId: delivery.targetId,
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        attemptNumber: delivery.attemptNumber,
        attemptedAt: at,
        durationMs,
        result,
        httpStatus: response.kind === 'response' ? response.status : null,
        errorCode:
          response.kind === 'error' ? response.code : response.kind === 'rejected' ? 'rejected' : null,
        errorMessage: response.kind === 'response' ? null : response.message,
        responseExcerpt: response.kind === 'response' ? response.bodyExcerpt : null,
      },
      outcome,
    });
    if (succeeded) return;
    const failingSince = await markTargetFailing(db, delivery.targetId, at);
    if (failingSince && now.getTime() - failingSince.getTime() >= options.disableAfterMs) {
      const reason =
        `Disabled at ${now.toISOString()}: every attempt failed since ${failingSince.toISOString()}` +
        ` (last: ${describe(response)}). Enable it again once the endpoint answers 2xx.`;
      await disableTarget(db, delivery.targetId, reason, now);
    }
  }

  async function pass(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while (!stopped && inFlight.size < options.concurrency) {
          const now = clock();
          const lease = new Date(now.getTime() + leaseMs(options.attemptTimeoutMs));
          const free = options.concurrency - inFlight.size;
          const claimed = await claimDueDeliveries(db, now, lease, free);
          backlog = claimed.length === free;
          if (claimed.length === 0) break;
          for (const delivery of claimed) {
            const run: Promise<void> = attempt(delivery)
              .catch(options.onError)
              .finally(() => {
                inFlight.delete(run);
                if (backlog && !stopped) void pass();
              });
            inFlight.add(run);
          }
          if (!backlog) break;
        }
      } while (again && !stopped);
    } catch (error) {
      options.onError(error);
    } finally {
      running = false;
    }
  }

  // Pruning runs with the polls, at most once per hour (or per retention period, if shorter).
  const pruneEveryMs = Math.min(options.retentionMs, 3_600_000);
  let prunedAt = 0;
  async function prune(): Promise<void> {
    const now = clock().getTime();
    if (now - prunedAt < pruneEveryMs) return;
    prunedAt = now;
    await pruneDeliveryLog(db, new Date(now - options.retentionMs)).catch(options.onError);
  }

  const timer = setInterval(() => {
    void pass();
    void prune();
  }, options.pollIntervalMs);
  timer.unref();
  void pass();

  return {
    ring() {
      if (!stopped) void pass();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
      while (running) await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
}
