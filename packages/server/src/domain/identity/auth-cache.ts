/**
 * A small time-bounded cache of resolved API keys, so that a request neither hashes its key nor reads
 * the database to authenticate. It is keyed by the secret itself, which lives only in this process's
 * memory (the database holds hashes). Changes made in this process evict at once; another process
 * sees a revoked key within `ttlMs` at most.
 */
export class AuthCache<T extends { apiKeyId: string }> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value for a secret, if fresh. */
  get(secret: string, now: number): T | undefined {
    const entry = this.entries.get(secret);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(secret);
      return undefined;
    }
    return entry.value;
  }

  /** Caches a value; when full, the oldest entries make room. */
  set(secret: string, value: T, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(secret, { value, expiresAt: now + this.ttlMs });
  }

  /** Drops every entry of one API key (after it was changed or deleted). */
  evictApiKey(apiKeyId: string): void {
    for (const [hash, entry] of this.entries)
      if (entry.value.apiKeyId === apiKeyId) this.entries.delete(hash);
  }
}
