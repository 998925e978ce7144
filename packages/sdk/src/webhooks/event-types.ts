/** The webhook events Threadline sends: the envelope, and each event's payload by its `type`. */
import type {
  IsoDateTime,
  WebhookChat,
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
  'thread.chat_sent': { thread: WebhookThread; chat: WebhookChat };
  'thread.chat_received': { thread: WebhookThread; chat: WebhookChat };
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

/**
 * The payload fields each event type must carry, beside `eventType`: objects, or (`?`) objects or null.
 * A Record, so an event type added to WebhookPayloads but not here fails typecheck.
 */
export const REQUIRED_PAYLOAD_FIELDS: Record<WebhookEventType, readonly string[]> = {
  'thread.thread_created': ['thread'],
  'thread.thread_status_transitioned': ['thread', 'previousThread'],
  'thread.thread_assignment_transitioned': ['thread', 'previousThread'],
  'thread.thread_labels_changed': ['thread', 'previousThread'],
  'thread.thread_priority_changed': ['thread', 'previousThread'],
  'thread.thread_field_created': ['thread', 'threadField'],
  'thread.thread_field_updated': ['thread', 'threadField', 'previousThreadField'],
  'thread.thread_field_deleted': ['thread', 'previousThreadField'],
  'thread.note_created': ['thread', 'note'],
  'thread.chat_sent': ['thread', 'chat'],
  'thread.chat_received': ['thread', 'chat'],
  'customer.customer_created': ['customer'],
  'customer.customer_updated': ['customer', 'previousCustomer'],
  'customer.customer_deleted': ['previousCustomer'],
  'timeline.timeline_entry_changed': ['timelineEntry?', 'previousTimelineEntry?'],
};

/** Whether `type` is an event type this SDK knows. */
export function isWebhookEventType(type: unknown): type is WebhookEventType {
  return typeof type === 'string' && Object.hasOwn(REQUIRED_PAYLOAD_FIELDS, type);
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
