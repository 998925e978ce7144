/**
 * Webhook signatures: `Plain-Request-Signature` is the lowercase hex HMAC-SHA256 of the raw body,
 * keyed with the target's signing secret. Web Crypto only, so this runs in Node, browsers and edge
 * runtimes; `crypto.subtle.verify` compares in constant time (Plain's SDK compares with `!==`).
 */
import type { Result } from '../result.js';
import type { WebhookEvent } from './event-types.js';
import { parseWebhook, type WebhookError } from './parse.js';

const encoder = new TextEncoder();

/**
 * Whether `signature` is the HMAC-SHA256 of `rawBody` under `secret`. Pass the body exactly as it
 * arrived (before any JSON parsing): a re-serialised body has other bytes and fails.
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  signature: string | null | undefined,
  secret: string,
): Promise<boolean> {
  if (!signature || !secret || rawBody.length === 0) return false;
  const expectedMac = hexToBytes(signature.trim());
  if (expectedMac?.length !== 32) return false;
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  // A copy, so the view is over a plain ArrayBuffer whatever the caller passed (Web Crypto requires it).
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : new Uint8Array(rawBody);
  return crypto.subtle.verify('HMAC', key, expectedMac, body);
}

/** Options of verifyAndParseWebhook. */
export interface VerifyAndParseOptions {
  /** Largest accepted distance between now and the delivery attempt's timestamp (default 300 s). */
  toleranceSeconds?: number;
  /** The current time in milliseconds (for tests). */
  now?: number;
}

/**
 * Verifies the signature, parses the body, and rejects a delivery attempt whose timestamp is more
 * than `toleranceSeconds` from now (a replayed request), in the order Plain's SDK checks them.
 */
export async function verifyAndParseWebhook(
  rawBody: string,
  signature: string | null | undefined,
  secret: string,
  options: VerifyAndParseOptions = {},
): Promise<Result<WebhookEvent, WebhookError>> {
  if (!(await verifyWebhook(rawBody, signature, secret))) {
    return {
      error: { type: 'invalid_signature', message: 'The webhook signature does not match its body.' },
    };
  }
  const parsed = parseWebhook(rawBody);
  if (parsed.error) return parsed;
  const attemptAt = Date.parse(parsed.data.webhookMetadata.webhookDeliveryAttemptTimestamp);
  const toleranceMs = (options.toleranceSeconds ?? 300) * 1000;
  if (Number.isNaN(attemptAt) || Math.abs((options.now ?? Date.now()) - attemptAt) > toleranceMs) {
    return {
      error: { type: 'stale_delivery', message: 'The delivery attempt timestamp is outside the tolerance.' },
    };
  }
  return parsed;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
