import type { WebhookEventType } from '@threadline/sdk';
import type { WebhookDeliveryAttemptResultStatus } from '../../api/__generated__/graphql.js';

/**
 * The events Threadline sends, as a target subscribes to them. A Record over the SDK's event type,
 * so an event the server starts sending fails typecheck here until it is offered.
 */
const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'thread.thread_created': 'Thread created',
  'thread.thread_status_transitioned': 'Thread status changed',
  'thread.thread_assignment_transitioned': 'Thread assignment changed',
  'thread.thread_labels_changed': 'Thread labels changed',
  'thread.thread_priority_changed': 'Thread priority changed',
  'thread.thread_field_created': 'Thread field set',
  'thread.thread_field_updated': 'Thread field changed',
  'thread.thread_field_deleted': 'Thread field removed',
  'thread.note_created': 'Note created',
  'thread.chat_sent': 'Chat sent',
  'thread.chat_received': 'Chat received',
  'customer.customer_created': 'Customer created',
  'customer.customer_updated': 'Customer updated',
  'customer.customer_deleted': 'Customer deleted',
  'timeline.timeline_entry_changed': 'Timeline entry changed',
};

/** Every event type a target can be created with, in a stable order. */
export const WEBHOOK_EVENT_TYPES = Object.keys(EVENT_DESCRIPTIONS) as WebhookEventType[];

/** "Thread created" for thread.thread_created; an unknown type (from another version) as itself. */
export function describeEventType(eventType: string): string {
  return EVENT_DESCRIPTIONS[eventType as WebhookEventType] ?? eventType;
}

/** The delivery log's result filter, in words. */
export const RESULT_STATUSES: { value: WebhookDeliveryAttemptResultStatus; label: string }[] = [
  { value: 'SUCCESSFUL_RESPONSE', label: 'Succeeded (2xx)' },
  { value: 'FAILED_RESPONSE', label: 'Failed response' },
  { value: 'ERROR', label: 'No response (error)' },
  { value: 'REJECTED', label: 'Rejected (private address)' },
  { value: 'SCHEMA_VALIDATION_FAILED', label: 'Schema validation failed' },
];
