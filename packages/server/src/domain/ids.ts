import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulidx';

/** The prefixes of Threadline's ids, as Plain uses them (design.md). */
export type IdPrefix =
  | 'w'
  | 'u'
  | 'mu'
  | 'ak'
  | 'c'
  | 'th'
  | 'l'
  | 'lt'
  | 'tf'
  | 'tfs'
  | 'tev'
  | 't'
  | 'n'
  | 'ch'
  | 'pEv'
  | 'whTarget'
  | 'whAttempt';

// ulidx's default random source asks the OS for one byte per character (16 calls per id). Draw
// the same cryptographic bytes from a pool refilled 4 KiB at a time instead.
const pool = Buffer.alloc(4096);
let next = pool.length;
function randomUnit(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 0xff;
}

// Monotonic so that ids made in the same millisecond still sort in creation order.
const ulid = monotonicFactory(randomUnit);

/** Makes a new id: `<prefix>_<ULID>` with an uppercase Crockford base32 ULID. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid()}`;
}
