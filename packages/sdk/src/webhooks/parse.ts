/** Reads a webhook body into a typed event, checking the envelope rather than trusting it. */
import type { Result } from '../result.js';
import {
  isWebhookEventType,
  REQUIRED_PAYLOAD_FIELDS,
  WEBHOOK_SCHEMA_VERSION,
  type WebhookEvent,
} from './event-types.js';

/** Why a webhook body was not accepted. */
export interface WebhookError {
  type:
    | 'invalid_signature'
    | 'invalid_payload'
    | 'unknown_event_type'
    | 'version_mismatch'
    | 'stale_delivery';
  message: string;
}

const ENVELOPE_STRINGS = ['id', 'type', 'timestamp', 'workspaceId'] as const;
const METADATA_STRINGS = [
  'webhookTargetId',
  'webhookTargetVersion',
  'webhookDeliveryAttemptId',
  'webhookDeliveryAttemptTimestamp',
] as const;

/**
 * Parses a webhook body (the raw string, or JSON already parsed) into a WebhookEvent, discriminated
 * by `type`. Checks the envelope, the schema version, that the type is one Threadline sends, that
 * `payload.eventType` agrees with it and that the payload has its type's objects (thread,
 * previousThread...); what is inside those objects is typed, not validated.
 */
export function parseWebhook(body: string | unknown): Result<WebhookEvent, WebhookError> {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return invalid('The webhook body is not JSON.');
    }
  }
  if (!isObject(value)) return invalid('The webhook body is not a JSON object.');
  for (const key of ENVELOPE_STRINGS) {
    if (typeof value[key] !== 'string') return invalid(`The webhook envelope has no string "${key}".`);
  }
  const metadata = value.webhookMetadata;
  if (!isObject(metadata)) return invalid('The webhook envelope has no "webhookMetadata".');
  for (const key of METADATA_STRINGS) {
    if (typeof metadata[key] !== 'string') return invalid(`webhookMetadata has no string "${key}".`);
  }
  if (typeof metadata.webhookDeliveryAttemptNumber !== 'number') {
    return invalid('webhookMetadata has no number "webhookDeliveryAttemptNumber".');
  }
  if (metadata.webhookTargetVersion !== WEBHOOK_SCHEMA_VERSION) {
    return {
      error: {
        type: 'version_mismatch',
        message: `The webhook target sends version ${String(metadata.webhookTargetVersion)}; this SDK reads ${WEBHOOK_SCHEMA_VERSION}.`,
      },
    };
  }
  if (!isWebhookEventType(value.type)) {
    return {
      error: { type: 'unknown_event_type', message: `Unknown webhook event type "${String(value.type)}".` },
    };
  }
  const payload = value.payload;
  if (!isObject(payload)) return invalid('The webhook envelope has no "payload" object.');
  if (payload.eventType !== value.type) {
    return invalid(`payload.eventType "${String(payload.eventType)}" differs from type "${value.type}".`);
  }
  for (const field of REQUIRED_PAYLOAD_FIELDS[value.type]) {
    const nullable = field.endsWith('?');
    const name = nullable ? field.slice(0, -1) : field;
    const fieldValue = payload[name];
    if (!(isObject(fieldValue) || (nullable && fieldValue === null))) {
      return invalid(`The ${value.type} payload has no "${name}" object.`);
    }
  }
  if ('changeType' in payload && typeof payload.changeType !== 'string') {
    return invalid('payload.changeType is not a string.');
  }
  return { data: value as unknown as WebhookEvent };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): { error: WebhookError } {
  return { error: { type: 'invalid_payload', message } };
}
