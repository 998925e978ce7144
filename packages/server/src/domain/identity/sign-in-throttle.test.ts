import { describe, expect, it } from 'vitest';
import { createSignInThrottle, DEFAULT_SIGN_IN_THROTTLE, failureDelayMs } from './sign-in-throttle.js';

const T0 = 1_000_000;

describe('the sign-in throttle', () => {
  it('delays failures 250 ms, 500 ms, 1 s, ... and never more than 8 s', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 10, 200].map((n) => failureDelayMs(n, DEFAULT_SIGN_IN_THROTTLE));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('refuses an email after 10 failures until the window ends, and forgets them after it', () => {
    const throttle = createSignInThrottle();
    for (let i = 0; i < 10; i++) {
      expect(throttle.check('A@x.com', `10.0.0.${i}`, T0 + i)).toEqual({ allowed: true });
      throttle.recordFailure('a@x.com ', `10.0.0.${i}`, T0 + i);
    }
    expect(throttle.check('a@X.com', '10.0.0.99', T0 + 60_000)).toEqual({
      allowed: false,
      retryAfterMs: 15 * 60_000 - 60_000,
    });
    expect(throttle.check('other@x.com', '10.0.0.99', T0 + 60_000)).toEqual({ allowed: true });
    expect(throttle.check('a@x.com', '10.0.0.99', T0 + 15 * 60_000)).toEqual({ allowed: true });
  });

  it('counts per address across emails, and a success clears only the email', () => {
    const throttle = createSignInThrottle();
    const delays = [1, 2, 3].map((i) => throttle.recordFailure(`user${i}@x.com`, '10.1.1.1', T0));
    expect(delays).toEqual([250, 500, 1000]);
    throttle.recordFailure('me@x.com', '10.2.2.2', T0);
    throttle.recordSuccess('me@x.com');
    expect(throttle.recordFailure('me@x.com', '10.3.3.3', T0)).toBe(250);
    for (let i = 0; i < 7; i++) throttle.recordFailure(`more${i}@x.com`, '10.1.1.1', T0);
    expect(throttle.check('fresh@x.com', '10.1.1.1', T0).allowed).toBe(false);
  });

  it('keeps at most maxEntries counts', () => {
    const throttle = createSignInThrottle({ ...DEFAULT_SIGN_IN_THROTTLE, maxFailures: 1, maxEntries: 4 });
    throttle.recordFailure('first@x.com', '1', T0);
    throttle.recordFailure('second@x.com', '2', T0);
    throttle.recordFailure('third@x.com', '3', T0);
    expect(throttle.check('first@x.com', '9', T0).allowed).toBe(true);
    expect(throttle.check('third@x.com', '9', T0).allowed).toBe(false);
  });
});
