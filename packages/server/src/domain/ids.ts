import { monotonicFactory } from 'ulidx';

/** The prefixes of Threadline's ids, as Plain uses them (design.md). */
export type IdPrefix = 'w' | 'u' | 'mu' | 'ak' | 'c' | 'th' | 'l' | 'lt' | 'tf' | 'tfs' | 'tev' | 't';

// Monotonic so that ids made in the same millisecond still sort in creation order.
const ulid = monotonicFactory();

/** Makes a new id: `<prefix>_<ULID>` with an uppercase Crockford base32 ULID. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid()}`;
}

/** Tells whether `id` looks like one of ours with the given prefix. Cheap guard before a lookup. */
export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`);
}
