import { describe, expect, it } from 'vitest';
import { AuthCache } from './auth-cache.js';

describe('AuthCache', () => {
  it('does not cache a read that began before an eviction (a sign-out racing a request)', () => {
    const cache = new AuthCache<string>(10_000);
    const noted = cache.version;
    // A sign-out evicts while the request's database read is in flight...
    cache.delete('hash');
    // ...so what that read found must not come back for a whole TTL.
    cache.setIfNotEvictedSince(noted, 'hash', 'session', 0);
    expect(cache.get('hash', 1)).toBeUndefined();
  });

  it('caches a read when nothing was evicted meanwhile, until the TTL', () => {
    const cache = new AuthCache<string>(10_000);
    cache.setIfNotEvictedSince(cache.version, 'hash', 'session', 0);
    expect(cache.get('hash', 9_999)).toBe('session');
    expect(cache.get('hash', 10_000)).toBeUndefined();
  });

  it('counts evictions by predicate too (a key changed or deleted)', () => {
    const cache = new AuthCache<string>(10_000);
    const noted = cache.version;
    cache.evictWhere((value) => value === 'other');
    cache.setIfNotEvictedSince(noted, 'hash', 'key', 0);
    expect(cache.get('hash', 1)).toBeUndefined();
  });
});
