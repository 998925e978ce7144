import { hash, randomBytes } from 'node:crypto';

/** Prefix of generated API key secrets, so that a leaked key is recognisable (as Plain's plainApiKey_). */
const SECRET_PREFIX = 'threadlineApiKey_';

/** 256 random bits, URL-safe: a session token, or the body of an API key secret. */
export function newRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Makes a new API key secret: 256 random bits. */
export function newApiKeySecret(): string {
  return SECRET_PREFIX + newRandomToken();
}

/**
 * The stored form of an API key secret or a session token. SHA-256 suffices for random 256-bit
 * secrets (no dictionary to guard against), and a lookup by hash never compares the secret itself,
 * so there is no timing leak.
 */
export function hashSecret(secret: string): string {
  // The one-shot hash(): a third of createHash()'s time, and it runs on every request (auth-cache.ts).
  return hash('sha256', secret, 'hex');
}
