/**
 * A small time-bounded cache of resolved API keys, so that a request does not read the database to
 * authenticate. It is keyed by the SHA-256 of the secret, as the database is: a secret is never
 * compared with another, so no comparison's timing depends on how much of a guess was right.
 * Changes made in this process evict at once; another process sees a revoked key within `ttlMs`.
 */
export class AuthCache<T extends { apiKeyId: string }> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

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

  /** Drops every entry of one API key (after it was changed or deleted). */
  evictApiKey(apiKeyId: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.value.apiKeyId === apiKeyId) this.entries.delete(hash);
  }
}
