import { describe, expect, it } from 'vitest';
import { classifyResponse, parseReset } from './classify-response.js';

const headers = (entries: Record<string, string> = {}) => new Headers(entries);
const json = (value: unknown) => JSON.stringify(value);

describe('classifyResponse', () => {
  it('returns data and the request id for a 200 with data', () => {
    expect(
      classifyResponse(200, headers({ 'apigw-requestid': 'r1' }), json({ data: { thread: null } })),
    ).toEqual({
      data: { data: { thread: null }, requestId: 'r1' },
    });
  });

  it("uses the server's message for a 401, or Plain's default when there is none", () => {
    expect(
      classifyResponse(401, headers(), json({ errors: [{ message: 'Unknown API key' }] })).error,
    ).toEqual({
      type: 'forbidden',
      message: 'Unknown API key',
    });
    expect(classifyResponse(403, headers(), 'nope').error?.message).toBe(
      'Authentication failed. Please check the provided API key.',
    );
  });

  it('keeps GraphQL errors without locations on a 400 (Plain 5.12.1 drops them)', () => {
    const errors = [{ message: 'Variable "$id" of required type "ID!" was not provided.' }];
    expect(classifyResponse(400, headers(), json({ errors })).error).toEqual({
      type: 'bad_request',
      message: errors[0]!.message,
      graphqlErrors: errors,
    });
  });

  it('reads a 429 without rate-limit headers as rate_limited with no reset time', () => {
    expect(classifyResponse(429, headers(), '').error).toEqual({
      type: 'rate_limited',
      message: 'Too many requests.',
      resetAt: null,
      limit: null,
      remaining: null,
    });
  });

  it('reads every 5xx as internal_server_error with its status, whatever the body', () => {
    expect(classifyResponse(503, headers(), '<html>').error).toEqual({
      type: 'internal_server_error',
      message: 'Internal server error.',
      status: 503,
    });
  });

  it.each([
    ['a body that is not JSON', 200, 'oops'],
    ['data null', 200, json({ data: null })],
    ['no data', 200, json({})],
    ['a 413', 413, json({ errors: [{ message: 'Body too large' }] })],
  ])('returns unknown for %s', (_case, status, body) => {
    expect(classifyResponse(status, headers(), body).error).toMatchObject({ type: 'unknown', status });
  });
});

describe('parseReset', () => {
  const now = Date.parse('2030-01-01T00:00:00.000Z');

  it.each([
    ['an ISO date (Plain)', '2030-01-01T00:01:00.000Z', '2030-01-01T00:01:00.000Z'],
    ['Unix seconds', '1893456060', '2030-01-01T00:01:00.000Z'],
    ['Unix milliseconds', '1893456060000', '2030-01-01T00:01:00.000Z'],
    ['seconds to wait (retry-after)', '60', '2030-01-01T00:01:00.000Z'],
  ])('reads %s', (_case, value, expected) => {
    expect(parseReset(value, now)?.toISOString()).toBe(expected);
  });

  it('returns null for a missing or unreadable value', () => {
    expect(parseReset(null, now)).toBeNull();
    expect(parseReset('soon', now)).toBeNull();
  });
});
