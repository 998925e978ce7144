import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter, RateLimitVerdict } from '../domain/rate-limits/rate-limiter.js';

/** Plain's 429 body, byte for byte (reference/plain-api-contract.md §1). */
export const RATE_LIMITED_BODY = {
  errors: [{ message: 'Too Many Requests - Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }],
} as const;

// The limiter hands out one reset Date per window, so it is formatted once per window.
let lastReset = { at: new Date(0), iso: '' };

function setHeaders(reply: FastifyReply, verdict: RateLimitVerdict): void {
  if (verdict.resetAt !== lastReset.at)
    lastReset = { at: verdict.resetAt, iso: verdict.resetAt.toISOString() };
  reply.header('x-ratelimit-limit', verdict.limit);
  reply.header('x-ratelimit-remaining', verdict.remaining);
  reply.header('x-ratelimit-reset', lastReset.iso);
}

/**
 * A preParsing hook of the GraphQL routes, after authenticateCaller: counts the request against its key's
 * and its workspace's limits, puts Plain's x-ratelimit-* headers on the answer, and answers 429
 * before the body is read when a limit is reached. Synchronous while the process holds an allowance.
 */
export function rateLimit(limiter: RateLimiter) {
  return <Payload>(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: Payload,
    done: (error: Error | null, payload?: Payload) => void,
  ): void => {
    const caller = request.caller;
    const verdict = caller ? limiter.take(caller) : null;
    if (verdict === null) {
      done(null, payload);
      return;
    }
    const answer = (v: RateLimitVerdict) => {
      setHeaders(reply, v);
      if (v.allowed) done(null, payload);
      else reply.code(429).send(RATE_LIMITED_BODY);
    };
    if (verdict instanceof Promise) verdict.then(answer, done);
    else answer(verdict);
  };
}
