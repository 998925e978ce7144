import { describe, expect, it } from 'vitest';
import { createSignInThrottle, DEFAULT_SIGN_IN_THROTTLE, failureDelayMs } from './sign-in-throttle.js';

const T0 = 1_000_000;

/** The delay a failed attempt gets (it must be allowed). */
function failedDelay(throttle: ReturnType<typeof createSignInThrottle>, email: string, ip: string, now = T0) {
  const verdict = throttle.begin(email, ip, now);
  if (!verdict.allowed) throw new Error(`refused ${email} from ${ip}`);
  return verdict.delayIfFailedMs;
}

describe('the sign-in throttle', () => {
  it('delays failures 250 ms, 500 ms, 1 s, ... and never more than 8 s', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 10, 200].map((n) => failureDelayMs(n, DEFAULT_SIGN_IN_THROTTLE));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('refuses an email after 10 failures until the window ends, and forgets them after it', () => {
    const throttle = createSignInThrottle();
    for (let i = 0; i < 10; i++) failedDelay(throttle, i % 2 ? 'A@x.com' : 'a@x.com ', `10.0.0.${i}`, T0 + i);
    expect(throttle.begin('a@X.com', '10.0.0.99', T0 + 60_000)).toEqual({
      allowed: false,
      retryAfterMs: 15 * 60_000 - 60_000,
    });
    expect(throttle.begin('other@x.com', '10.0.0.99', T0 + 60_000).allowed).toBe(true);
    expect(throttle.begin('a@x.com', '10.0.0.99', T0 + 15 * 60_000).allowed).toBe(true);
  });

  it('counts attempts from when they begin: the 11th of a burst is refused before any has failed', () => {
    const throttle = createSignInThrottle();
    const verdicts = Array.from({ length: 30 }, () => throttle.begin('owner@x.com', '10.9.9.9', T0));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    expect(verdicts[10]).toEqual({ allowed: false, retryAfterMs: 15 * 60_000 });
  });

  it('counts per address across emails; a success takes back its own count and clears the email', () => {
    const throttle = createSignInThrottle();
    const delays = [1, 2, 3].map((i) => failedDelay(throttle, `user${i}@x.com`, '10.1.1.1'));
    expect(delays).toEqual([250, 500, 1000]);
    failedDelay(throttle, 'me@x.com', '10.2.2.2');
    failedDelay(throttle, 'me@x.com', '10.1.1.1');
    throttle.succeeded('me@x.com', '10.1.1.1', T0);
    // The email starts over; the address keeps its three failures (the success took back only its own).
    expect(failedDelay(throttle, 'me@x.com', '10.3.3.3')).toBe(250);
    expect(failedDelay(throttle, 'new@x.com', '10.1.1.1')).toBe(2000);
    for (let i = 0; i < 6; i++) failedDelay(throttle, `more${i}@x.com`, '10.1.1.1');
    expect(throttle.begin('fresh@x.com', '10.1.1.1', T0).allowed).toBe(false);
  });

  it('keeps at most maxEntries counts', () => {
    const throttle = createSignInThrottle({ ...DEFAULT_SIGN_IN_THROTTLE, maxFailures: 1, maxEntries: 4 });
    failedDelay(throttle, 'first@x.com', '1');
    failedDelay(throttle, 'second@x.com', '2');
    failedDelay(throttle, 'third@x.com', '3');
    expect(throttle.begin('first@x.com', '9', T0).allowed).toBe(true);
    expect(throttle.begin('third@x.com', '9', T0).allowed).toBe(false);
  });
});
