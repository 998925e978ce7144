/** The webhook schema version Threadline sends, as Plain's SDK pins it. */
export const WEBHOOK_VERSION = '2026-02-27';

/**
 * Every event type of Plain's webhook schema 2026-02-27. A target may subscribe to any of them;
 * Threadline sends the ones in SENT_EVENT_TYPES (it has no email, Slack, Discord, Teams or SLAs).
 */
export const PLAIN_EVENT_TYPES = [
  'thread.thread_created',
  'thread.thread_status_transitioned',
  'thread.thread_assignment_transitioned',
  'thread.email_received',
  'thread.email_sent',
  'thread.slack_message_received',
  'thread.slack_message_sent',
  'thread.slack_message_updated',
  'thread.discord_message_received',
  'thread.discord_message_sent',
  'thread.discord_message_updated',
  'thread.ms_teams_message_sent',
  'thread.ms_teams_message_received',
  'thread.chat_sent',
  'thread.chat_received',
  'thread.note_created',
  'thread.thread_labels_changed',
  'thread.thread_priority_changed',
  'thread.thread_field_created',
  'thread.thread_field_updated',
  'thread.thread_field_deleted',
  'thread.service_level_agreement_status_transitioned',
  'thread.thread_tenant_updated',
  'customer.customer_created',
  'customer.customer_updated',
  'customer.customer_deleted',
  'customer.customer_changed',
  'customer.customer_group_changed',
  'customer.customer_group_memberships_changed',
  'timeline.timeline_entry_changed',
] as const;

/** The event types Threadline sends. */
export const SENT_EVENT_TYPES = [
  'thread.thread_created',
  'thread.thread_status_transitioned',
  'thread.thread_assignment_transitioned',
  'thread.thread_labels_changed',
  'thread.thread_priority_changed',
  'thread.thread_field_created',
  'thread.thread_field_updated',
  'thread.thread_field_deleted',
  'thread.note_created',
  'thread.chat_sent',
  'thread.chat_received',
  'customer.customer_created',
  'customer.customer_updated',
  'customer.customer_deleted',
  'timeline.timeline_entry_changed',
] as const;

/** An event type Threadline sends. */
export type WebhookEventType = (typeof SENT_EVENT_TYPES)[number];

const KNOWN = new Set<string>(PLAIN_EVENT_TYPES);

/** Tells whether a string is one of Plain's webhook event types. */
export function isPlainEventType(value: string): boolean {
  return KNOWN.has(value);
}
