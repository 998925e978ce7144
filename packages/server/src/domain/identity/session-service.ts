import { z } from 'zod';
import type { Db } from '../../storage/db.js';
import { findSignInCandidates, type UserRecord } from '../../storage/identity-repository.js';
import * as sessions from '../../storage/session-repository.js';
import type { AuthenticatedCaller } from '../caller.js';
import type { Clock } from '../clock.js';
import { parseInput } from '../validation.js';
import { AuthCache } from './auth-cache.js';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { ALL_PERMISSIONS } from './permissions.js';
import { hashSecret, newRandomToken } from './secrets.js';
import { createSignInThrottle, type SignInThrottleOptions } from './sign-in-throttle.js';

/** A caller resolved from a session cookie: the signed-in person acts. */
export interface SessionCaller extends AuthenticatedCaller {
  kind: 'session';
  userId: string;
  sessionId: string;
}

/** How long a session lasts after sign-in. */
export const SESSION_TTL_MS = 30 * 86_400_000;

/** last_used_at is written at most this often per session, so a request seldom writes. */
const TOUCH_EVERY_MS = 60 * 60_000;

/** One email may be a user in several workspaces; sign-in tries this many at most. */
const MAX_CANDIDATES = 5;

const signInInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** What a sign-in attempt comes to. */
export type SignInResult =
  | { outcome: 'signed_in'; user: UserRecord; token: string }
  | { outcome: 'invalid_credentials'; delayMs: number }
  | { outcome: 'too_many_attempts'; retryAfterMs: number };

/**
 * Sessions: sign-in with email and password, the session a cookie's token names, sign-out. Sessions
 * act as their user with every permission: only owners have passwords today, and an owner may do
 * anything (roles are for later).
 */
export function createSessionService(deps: {
  db: Db;
  clock: Clock;
  authCacheTtlMs?: number;
  signInThrottle?: SignInThrottleOptions;
}) {
  const { db, clock } = deps;
  const cache = new AuthCache<SessionCaller>(deps.authCacheTtlMs ?? 10_000);
  const throttle = createSignInThrottle(deps.signInThrottle);
  const permissions = new Set(ALL_PERMISSIONS);

  /** The first candidate whose password matches; all of them are checked, so timing says nothing. */
  async function matchingUser(email: string, password: string): Promise<UserRecord | null> {
    const candidates = await findSignInCandidates(db, email, MAX_CANDIDATES);
    // An unknown email is hashed against nothing, costing what a wrong password costs.
    if (candidates.length === 0) {
      await verifyPassword(password, null);
      return null;
    }
    const verdicts = await Promise.all(candidates.map((c) => verifyPassword(password, c.passwordHash)));
    return candidates[verdicts.indexOf(true)]?.user ?? null;
  }

  return {
    /**
     * Checks an email and password (input_validation on a malformed body) and opens a session.
     * A failure says how long to wait before answering; too many say when to come back.
     */
    async signIn(rawInput: unknown, clientIp: string): Promise<SignInResult> {
      const input = parseInput(signInInput, rawInput);
      const now = clock();
      const verdict = throttle.begin(input.email, clientIp, now.getTime());
      if (!verdict.allowed) return { outcome: 'too_many_attempts', retryAfterMs: verdict.retryAfterMs };
      const user = await matchingUser(input.email, input.password);
      if (!user) return { outcome: 'invalid_credentials', delayMs: verdict.delayIfFailedMs };
      throttle.succeeded(input.email, clientIp, now.getTime());
      const token = newRandomToken();
      await sessions.deleteExpiredSessions(db, now);
      await sessions.insertSession(db, {
        id: hashSecret(token),
        workspaceId: user.workspaceId,
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        lastUsedAt: now,
      });
      return { outcome: 'signed_in', user, token };
    },

    /** The caller of a session token resolved within the cache's lifetime, without the database. */
    cachedSessionCaller: (token: string): SessionCaller | undefined =>
      token ? cache.get(hashSecret(token), Date.now()) : undefined,

    /** Resolves a session token to its caller; null when unknown, expired or its user is deleted. */
    async authenticateSession(token: string): Promise<SessionCaller | null> {
      if (!token) return null;
      const hash = hashSecret(token);
      const cached = cache.get(hash, Date.now());
      if (cached) return cached;
      const version = cache.version;
      const now = clock();
      const session = await sessions.findLiveSession(db, hash, now);
      if (!session) return null;
      if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS)
        await sessions.touchSession(db, hash, now);
      const caller: SessionCaller = {
        kind: 'session',
        workspaceId: session.workspaceId,
        actor: session.userId,
        userId: session.userId,
        sessionId: session.id,
        rateLimitBucket: `user:${session.userId}`,
        permissions,
      };
      cache.setIfNotEvictedSince(version, hash, caller, Date.now());
      return caller;
    },

    /** Ends a session: its cookie stops working at once in this process (in others within the cache TTL). */
    async signOut(token: string): Promise<void> {
      if (!token) return;
      const hash = hashSecret(token);
      cache.delete(hash);
      await sessions.deleteSession(db, hash);
      // Again once the row is gone: a lookup that read it meanwhile must not keep it cached.
      cache.delete(hash);
    },
  };
}

/** The session service's interface. */
export type SessionService = ReturnType<typeof createSessionService>;
