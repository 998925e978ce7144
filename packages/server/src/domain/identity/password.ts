import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: N=16384, r=8, p=1 (about 16 MB and 30-60 ms a hash), the parameters RFC 7914
 * suggests for interactive sign-in. They are stored with each hash, so raising them later leaves
 * existing hashes verifiable.
 */
const COST = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** Passwords beyond this length are refused before hashing: scrypt's time grows with the input. */
export const MAX_PASSWORD_LENGTH = 1024;

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128*N*r (16 MB) with room to spare; Node's default of 32 MB would refuse N=32768.
    scrypt(password, salt, keyBytes, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password into a self-describing string: `scrypt$N$r$p$<salt b64>$<key b64>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Tells whether `password` is the one `stored` was made from. A stored value in a form this code
 * does not know (or null) never verifies, but the time spent is the same as for a real hash, so a
 * caller cannot tell an account without a password from a wrong guess.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) {
    await derive(password, DUMMY_SALT, KEY_BYTES, COST);
    return false;
  }
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

const DUMMY_SALT = randomBytes(SALT_BYTES);

function parseHash(stored: string): { cost: ScryptOptions; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  // Bounds keep a tampered row from making one sign-in take minutes or gigabytes.
  const sane =
    [N, r, p].every(Number.isInteger) && N >= 2 && N <= 1 << 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
  if (!sane || salt.length === 0 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

/** A new random password of about 20 URL-safe characters (120 bits), for an owner without one. */
export function newPassword(): string {
  return randomBytes(15).toString('base64url');
}
