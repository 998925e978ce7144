/** The webhook events Threadline sends: the envelope, and each event's payload by its `type`. */
import type {
  IsoDateTime,
  WebhookCustomer,
  WebhookNote,
  WebhookThread,
  WebhookThreadField,
  WebhookTimelineEntry,
} from './payload-types.js';

/** The webhook schema version Threadline sends (`webhookMetadata.webhookTargetVersion`). */
export const WEBHOOK_SCHEMA_VERSION = '2026-02-27';

/** Each event type and the payload fields beside its `eventType`. */
export interface WebhookPayloads {
  'thread.thread_created': { thread: WebhookThread };
  'thread.thread_status_transitioned': { thread: WebhookThread; previousThread: WebhookThread };
  'thread.thread_assignment_transitioned': { thread: WebhookThread; previousThread: WebhookThread };
  'thread.thread_labels_changed': {
    changeType: 'ADDED' | 'REMOVED';
    thread: WebhookThread;
    previousThread: WebhookThread;
  };
  'thread.thread_priority_changed': { thread: WebhookThread; previousThread: WebhookThread };
  'thread.thread_field_created': { thread: WebhookThread; threadField: WebhookThreadField };
  'thread.thread_field_updated': {
    thread: WebhookThread;
    threadField: WebhookThreadField;
    previousThreadField: WebhookThreadField;
  };
  'thread.thread_field_deleted': { thread: WebhookThread; previousThreadField: WebhookThreadField };
  'thread.note_created': { thread: WebhookThread; note: WebhookNote };
  'customer.customer_created': { customer: WebhookCustomer };
  'customer.customer_updated': { customer: WebhookCustomer; previousCustomer: WebhookCustomer };
  'customer.customer_deleted': { previousCustomer: WebhookCustomer };
  'timeline.timeline_entry_changed':
    | { changeType: 'ADDED'; timelineEntry: WebhookTimelineEntry; previousTimelineEntry: null }
    | {
        changeType: 'UPDATED';
        timelineEntry: WebhookTimelineEntry;
        previousTimelineEntry: WebhookTimelineEntry;
      }
    | { changeType: 'REMOVED'; timelineEntry: null; previousTimelineEntry: WebhookTimelineEntry };
}

/** An event type Threadline sends. */
export type WebhookEventType = keyof WebhookPayloads;

/** Every event type (a Record, so a type added to WebhookPayloads but not here fails typecheck). */
const KNOWN_EVENT_TYPES: Record<WebhookEventType, true> = {
  'thread.thread_created': true,
  'thread.thread_status_transitioned': true,
  'thread.thread_assignment_transitioned': true,
  'thread.thread_labels_changed': true,
  'thread.thread_priority_changed': true,
  'thread.thread_field_created': true,
  'thread.thread_field_updated': true,
  'thread.thread_field_deleted': true,
  'thread.note_created': true,
  'customer.customer_created': true,
  'customer.customer_updated': true,
  'customer.customer_deleted': true,
  'timeline.timeline_entry_changed': true,
};

/** Whether `type` is an event type this SDK knows. */
export function isWebhookEventType(type: unknown): type is WebhookEventType {
  return typeof type === 'string' && Object.hasOwn(KNOWN_EVENT_TYPES, type);
}

/** Delivery details of one attempt. */
export interface WebhookMetadata {
  webhookTargetId: string;
  webhookTargetVersion: string;
  webhookDeliveryAttemptId: string;
  webhookDeliveryAttemptNumber: number;
  webhookDeliveryAttemptTimestamp: IsoDateTime;
}

/** One webhook delivery of event type `T`. `id` (pEv_...) is the idempotency key. */
export interface WebhookEventOf<T extends WebhookEventType> {
  id: string;
  type: T;
  timestamp: IsoDateTime;
  workspaceId: string;
  payload: { eventType: T } & WebhookPayloads[T];
  webhookMetadata: WebhookMetadata;
}

/** Any webhook delivery, narrowed by `switch (event.type)`. */
export type WebhookEvent = { [T in WebhookEventType]: WebhookEventOf<T> }[WebhookEventType];
