import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  officialWebhookExample,
  THREAD_CREATED_SIGNATURE,
} from '../../test/support/official-webhook-examples.js';
import { verifyAndParseWebhook, verifyWebhook } from './verify.js';

const threadCreated = JSON.stringify(officialWebhookExample('thread-created'));
// The example's delivery attempt was at 2023-10-19T14:12:26.073Z.
const attemptTime = Date.parse('2023-10-19T14:12:26.073Z');

describe('verifyWebhook', () => {
  it("accepts Plain SDK's test vector: HMAC('secret', thread-created example)", async () => {
    expect(await verifyWebhook(threadCreated, THREAD_CREATED_SIGNATURE, 'secret')).toBe(true);
  });

  it('accepts the raw body as bytes', async () => {
    const bytes = new TextEncoder().encode(threadCreated);
    expect(await verifyWebhook(bytes, THREAD_CREATED_SIGNATURE, 'secret')).toBe(true);
  });

  it('agrees with node:crypto on a body with non-ASCII text', async () => {
    const body = '{"title":"Überweisung fehlgeschlagen ✓"}';
    const signature = createHmac('sha256', 'whsec').update(body, 'utf8').digest('hex');
    expect(await verifyWebhook(body, signature, 'whsec')).toBe(true);
  });

  it.each([
    ['another secret', threadCreated, THREAD_CREATED_SIGNATURE, 'not-the-secret'],
    [
      'a changed body',
      threadCreated.replace('Unable to tail logs', 'Unable to tail log'),
      THREAD_CREATED_SIGNATURE,
      'secret',
    ],
    [
      'a re-serialised body',
      JSON.stringify(JSON.parse(threadCreated), null, 2),
      THREAD_CREATED_SIGNATURE,
      'secret',
    ],
    ['a signature one digit off', threadCreated, `${THREAD_CREATED_SIGNATURE.slice(0, -1)}0`, 'secret'],
    ['a truncated signature', threadCreated, THREAD_CREATED_SIGNATURE.slice(0, 62), 'secret'],
    ['a signature that is not hex', threadCreated, 'z'.repeat(64), 'secret'],
    ['an empty signature', threadCreated, '', 'secret'],
    ['an empty secret', threadCreated, THREAD_CREATED_SIGNATURE, ''],
    ['an empty body', '', THREAD_CREATED_SIGNATURE, 'secret'],
  ])('rejects %s', async (_case, body, signature, secret) => {
    expect(await verifyWebhook(body, signature, secret)).toBe(false);
  });

  it('rejects a missing signature header', async () => {
    expect(await verifyWebhook(threadCreated, null, 'secret')).toBe(false);
  });
});

describe('verifyAndParseWebhook', () => {
  it('returns the typed event for a valid signature within the tolerance', async () => {
    const res = await verifyAndParseWebhook(threadCreated, THREAD_CREATED_SIGNATURE, 'secret', {
      now: attemptTime + 299_000,
    });
    expect(res.error).toBeUndefined();
    expect(res.data?.type).toBe('thread.thread_created');
  });

  it('rejects a delivery attempt older than the tolerance, as a replay', async () => {
    const res = await verifyAndParseWebhook(threadCreated, THREAD_CREATED_SIGNATURE, 'secret', {
      now: attemptTime + 301_000,
    });
    expect(res.error?.type).toBe('stale_delivery');
  });

  it('checks the signature before reading the body', async () => {
    const res = await verifyAndParseWebhook('not json', THREAD_CREATED_SIGNATURE, 'secret');
    expect(res.error?.type).toBe('invalid_signature');
  });

  it('returns invalid_payload for a signed body that is not JSON', async () => {
    const signature = createHmac('sha256', 'secret').update('hello-world').digest('hex');
    const res = await verifyAndParseWebhook('hello-world', signature, 'secret');
    expect(res.error?.type).toBe('invalid_payload');
  });
});
