/** Webhook helpers: signature checks and typed events. */
export {
  isWebhookEventType,
  WEBHOOK_SCHEMA_VERSION,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  type WebhookMetadata,
  type WebhookPayloads,
} from './event-types.js';
export { parseWebhook, type WebhookError } from './parse.js';
export type * from './payload-types.js';
export { type VerifyAndParseOptions, verifyAndParseWebhook, verifyWebhook } from './verify.js';
