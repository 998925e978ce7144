import { z } from 'zod';
import { hasPrivateHost } from '../../outbound/private-address.js';
import type { Db } from '../../storage/db.js';
import {
  type AttemptFilter,
  attemptKey,
  type DeliveryAttemptRecord,
  listAttempts,
  replayDeliveries,
} from '../../storage/webhook-delivery-repository.js';
import type { WebhookTargetRecord } from '../../storage/webhook-target-repository.js';
import * as targets from '../../storage/webhook-target-repository.js';
import { madeBy } from '../actor.js';
import type { Caller } from '../caller.js';
import type { Clock } from '../clock.js';
import { DomainError, notFoundError, validationError } from '../errors.js';
import { newId } from '../ids.js';
import { type Page, type PageArgs, toPage, toPageRequest } from '../pagination.js';
import { FieldErrors, httpUrl, isoDateTime, parseInput } from '../validation.js';
import { isPlainEventType, WEBHOOK_VERSION } from './event-types.js';
import type { DeliveryDoorbell } from './outbox.js';

/** Plain's limit of webhook targets per workspace. */
export const MAX_WEBHOOK_TARGETS = 25;

const eventSubscriptions = z.array(z.object({ eventType: z.string().max(200) })).max(100);
const description = z.string().max(500);
const version = z.string().max(50);

const createInput = z.object({
  url: httpUrl,
  description,
  isEnabled: z.boolean(),
  eventSubscriptions,
  version: version.nullish(),
});

const updateInput = z.object({
  webhookTargetId: z.string().min(1).max(100),
  url: z.object({ value: httpUrl }).nullish(),
  description: z.object({ value: description }).nullish(),
  isEnabled: z.object({ value: z.boolean() }).nullish(),
  version: z.object({ value: version }).nullish(),
  eventSubscriptions: eventSubscriptions.nullish(),
});

const replayInput = z.object({
  webhookTargetId: z.string().min(1).max(100),
  publicEventId: z.string().min(1).max(100).nullish(),
  failedSince: isoDateTime.nullish(),
});

/** Settings of the webhook target service. */
export interface WebhookTargetSettings {
  /** Refuse targets on loopback and private addresses (THREADLINE_WEBHOOK_BLOCK_PRIVATE). */
  blockPrivate: boolean;
}

/** Checks what create and update share; returns the event types without repeats. */
function checkTarget(
  input: {
    url?: string | null;
    eventSubscriptions?: { eventType: string }[] | null;
    version?: string | null;
  },
  paths: { url: string; version: string },
  settings: WebhookTargetSettings,
  errors: FieldErrors,
): string[] | undefined {
  if (input.url && settings.blockPrivate && hasPrivateHost(new URL(input.url))) {
    errors.add(
      paths.url,
      'Private and loopback addresses are refused on this server (THREADLINE_WEBHOOK_BLOCK_PRIVATE).',
    );
  }
  if (input.version != null && input.version !== WEBHOOK_VERSION) {
    errors.add(paths.version, `Threadline sends webhook version ${WEBHOOK_VERSION} only.`);
  }
  input.eventSubscriptions?.forEach((sub, i) => {
    if (!isPlainEventType(sub.eventType)) {
      errors.add(`eventSubscriptions.${i}.eventType`, `"${sub.eventType}" is not a webhook event type.`);
    }
  });
  return input.eventSubscriptions
    ? [...new Set(input.eventSubscriptions.map((s) => s.eventType))]
    : undefined;
}

/** Webhook targets (Plain's API), their delivery log, and replays (Threadline's). */
export function createWebhookTargetService(deps: {
  db: Db;
  clock: Clock;
  doorbell: DeliveryDoorbell;
  settings: WebhookTargetSettings;
}) {
  const { db, clock, settings } = deps;

  return {
    /** Creates a target; at most 25 per workspace (too_many_webhook_targets). */
    async createWebhookTarget(caller: Caller, rawInput: unknown): Promise<WebhookTargetRecord> {
      const input = parseInput(createInput, rawInput);
      const errors = new FieldErrors();
      const eventTypes = checkTarget(input, { url: 'url', version: 'version' }, settings, errors)!;
      errors.throwIfAny();
      const target: WebhookTargetRecord = {
        workspaceId: caller.workspaceId,
        id: newId('whTarget'),
        url: input.url,
        description: input.description,
        isEnabled: input.isEnabled,
        eventTypes,
        version: WEBHOOK_VERSION,
        failingSince: null,
        disabledReason: null,
        disabledAt: null,
        ...madeBy(clock(), caller.actor),
      };
      const inserted = await db.transaction((tx) =>
        targets.insertWebhookTarget(tx, target, MAX_WEBHOOK_TARGETS),
      );
      if (!inserted) {
        throw new DomainError(
          'too_many_webhook_targets',
          `A workspace can have at most ${MAX_WEBHOOK_TARGETS} webhook targets.`,
        );
      }
      return target;
    },

    /** Changes a target. Enabling a disabled one clears why it was disabled and sends what waited. */
    async updateWebhookTarget(caller: Caller, rawInput: unknown): Promise<WebhookTargetRecord> {
      const input = parseInput(updateInput, rawInput);
      const errors = new FieldErrors();
      const eventTypes = checkTarget(
        {
          url: input.url?.value,
          version: input.version?.value,
          eventSubscriptions: input.eventSubscriptions,
        },
        { url: 'url.value', version: 'version.value' },
        settings,
        errors,
      );
      errors.throwIfAny();
      const updated = await db.transaction((tx) =>
        targets.updateWebhookTarget(
          tx,
          caller.workspaceId,
          input.webhookTargetId,
          {
            url: input.url?.value,
            description: input.description?.value,
            isEnabled: input.isEnabled?.value,
            eventTypes,
          },
          clock(),
          caller.actor,
        ),
      );
      if (!updated) throw notFoundError('webhookTargetId', 'Webhook target');
      if (updated.isEnabled) deps.doorbell.ring();
      return updated;
    },

    /** Deletes a target, its pending deliveries and its log. */
    async deleteWebhookTarget(caller: Caller, rawInput: unknown): Promise<void> {
      const input = parseInput(z.object({ webhookTargetId: z.string().min(1).max(100) }), rawInput);
      if (!(await targets.deleteWebhookTarget(db, caller.workspaceId, input.webhookTargetId))) {
        throw notFoundError('webhookTargetId', 'Webhook target');
      }
    },

    /** A target by id, or null. */
    getWebhookTarget: (caller: Caller, id: string) => targets.findWebhookTarget(db, caller.workspaceId, id),

    /** One page of targets in creation order. */
    async listWebhookTargets(caller: Caller, args: PageArgs): Promise<Page<WebhookTargetRecord>> {
      const request = toPageRequest(args, ['text']);
      const rows = await targets.listWebhookTargets(db, caller.workspaceId, request);
      return toPage(rows, request, (t) => [t.id]);
    },

    /** One page of a target's delivery log, newest attempt first; null when the target is missing. */
    async listDeliveryAttempts(
      caller: Caller,
      targetId: string,
      filter: AttemptFilter,
      args: PageArgs,
    ): Promise<Page<DeliveryAttemptRecord> | null> {
      if (!(await targets.findWebhookTarget(db, caller.workspaceId, targetId))) return null;
      const request = toPageRequest(args, ['timestamptz', 'text']);
      const rows = await listAttempts(db, caller.workspaceId, targetId, filter, request);
      return toPage(rows, request, attemptKey);
    },

    /**
     * Sends events to a target again: one event (publicEventId, whatever its delivery's state), or
     * every event whose delivery failed for good since a time (failedSince). Returns the event ids.
     */
    async replayWebhookEvents(caller: Caller, rawInput: unknown): Promise<string[]> {
      const input = parseInput(replayInput, rawInput);
      if (!input.publicEventId === !input.failedSince) {
        const message = 'Give either publicEventId or failedSince.';
        throw validationError([
          { field: 'publicEventId', message, type: 'VALIDATION' },
          { field: 'failedSince', message, type: 'VALIDATION' },
        ]);
      }
      if (!(await targets.findWebhookTarget(db, caller.workspaceId, input.webhookTargetId))) {
        throw notFoundError('webhookTargetId', 'Webhook target');
      }
      const which = input.publicEventId
        ? { eventId: input.publicEventId }
        : { failedSince: new Date(input.failedSince!) };
      const replayed = await db.transaction((tx) =>
        replayDeliveries(tx, caller.workspaceId, input.webhookTargetId, which, clock()),
      );
      if (input.publicEventId && replayed.length === 0) {
        throw notFoundError('publicEventId', 'Event sent to this target');
      }
      deps.doorbell.ring();
      return replayed;
    },
  };
}

/** The webhook target service's interface. */
export type WebhookTargetService = ReturnType<typeof createWebhookTargetService>;
