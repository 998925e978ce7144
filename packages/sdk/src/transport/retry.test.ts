import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryable, retryPolicyFrom } from './retry.js';

describe('retry policy', () => {
  it('defaults to 3 attempts, 200 ms doubling, capped at 5 s', () => {
    expect(retryPolicyFrom(undefined)).toEqual({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5000 });
  });

  it('makes one attempt when retries are off', () => {
    expect(retryPolicyFrom(false).maxAttempts).toBe(1);
  });

  it('doubles the wait per attempt up to the cap, with jitter in the upper half', () => {
    const policy = retryPolicyFrom({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(policy, attempt, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
  });

  it('retries network errors and 5xx only', () => {
    expect(isRetryable({ type: 'network', message: '', cause: null })).toBe(true);
    expect(isRetryable({ type: 'internal_server_error', message: '', status: 503 })).toBe(true);
    expect(
      isRetryable({ type: 'rate_limited', message: '', resetAt: null, limit: null, remaining: null }),
    ).toBe(false);
    expect(isRetryable({ type: 'bad_request', message: '', graphqlErrors: [] })).toBe(false);
  });
});
