/**
 * A small time-bounded cache of resolved API keys and sessions, so that a request does not read the
 * database to authenticate. It is keyed by the SHA-256 of the secret, as the database is: a secret is never
 * compared with another, so no comparison's timing depends on how much of a guess was right.
 * Changes made in this process evict at once; another process sees a revoked key within `ttlMs`.
 */
export class AuthCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  /**
   * Bumped by every eviction. A lookup notes it before reading the database and caches what it read
   * only if no eviction happened meanwhile: otherwise a read that began before a sign-out or a key's
   * deletion could put the revoked credential back for a whole TTL.
   */
  private evictions = 0;

  /** The eviction count now, to pass to `setIfNotEvictedSince` after a database read. */
  get version(): number {
    return this.evictions;
  }

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value for a secret's hash, if fresh. */
  get(hash: string, now: number): T | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.value;
  }

  /** Caches a value under a secret's hash; when full, the oldest entries make room. */
  set(hash: string, value: T, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { value, expiresAt: now + this.ttlMs });
  }

  /** Caches a value read from the database, unless something was evicted since `version` was noted. */
  setIfNotEvictedSince(version: number, hash: string, value: T, now: number): void {
    if (version === this.evictions) this.set(hash, value, now);
  }

  /** Drops the entry of one secret's hash (a session signed out). */
  delete(hash: string): void {
    this.evictions++;
    this.entries.delete(hash);
  }

  /** Drops every entry whose value matches (an API key's, after it was changed or deleted). */
  evictWhere(matches: (value: T) => boolean): void {
    this.evictions++;
    for (const [hash, entry] of this.entries) if (matches(entry.value)) this.entries.delete(hash);
  }
}
