import type { KeyColumn, KeysetRequest } from '../storage/keyset.js';
import { DomainError } from './errors.js';

/** Relay paging arguments, as every Plain connection takes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated page request: which way to read, how many, and the decoded cursor to read from. */
export type PageRequest = KeysetRequest;

/** One page of results, in sort order, with Relay's page info. */
export interface Page<T> {
  items: { node: T; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Plain's page size: 25 unless asked, 100 at most. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** A paging argument was out of range or a cursor could not be read. Answered as a 400. */
export class PageArgsError extends DomainError {
  constructor(message: string) {
    super('input_validation', message);
    this.name = 'PageArgsError';
  }
}

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The SQL type of each part of a list's sort key, which a cursor's parts must fit. */
export type CursorPartType = KeyColumn['cast'];

const INT32 = 2 ** 31;

function fits(part: unknown, type: CursorPartType): boolean {
  switch (type) {
    case 'text':
      return typeof part === 'string';
    case 'integer':
      return Number.isInteger(part) && Math.abs(part as number) < INT32;
    case 'float8':
      return typeof part === 'number' && Number.isFinite(part);
    case 'timestamptz':
      // As the list wrote it: toISOString() of a stored time.
      return (
        typeof part === 'string' &&
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(part) &&
        !Number.isNaN(Date.parse(part))
      );
  }
}

function decodeCursor(cursor: string, types: readonly CursorPartType[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === types.length && key.every((part, i) => fits(part, types[i]!))) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new PageArgsError(`The cursor "${cursor}" is not valid for this list.`);
}

/**
 * Validates Relay arguments for a list sorted by a key whose parts have `types`. Mixing `first` with
 * `before`, or `last` with `after`, is an error, as Plain's docs say; so is a cursor whose parts do not
 * fit the key (it was made for another list, or by hand).
 */
export function toPageRequest(args: PageArgs, types: readonly CursorPartType[]): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new PageArgsError('Pass either first or last, not both.');
  if (first != null && before != null) throw new PageArgsError('first cannot be combined with before.');
  if (last != null && after != null) throw new PageArgsError('last cannot be combined with after.');
  const size = first ?? last ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new PageArgsError(`Page size must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  const backward = last != null || before != null;
  const cursor = backward ? before : after;
  return {
    direction: backward ? 'backward' : 'forward',
    limit: size,
    cursor: cursor ? decodeCursor(cursor, types) : null,
  };
}

/**
 * Builds a page from rows read with `limit + 1` in the request's direction (so one extra row tells
 * whether more exist). `keyOf` gives each row's sort key for its cursor.
 */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => (string | number)[]): Page<T> {
  const hasMore = rows.length > request.limit;
  const kept = hasMore ? rows.slice(0, request.limit) : rows;
  const ordered = request.direction === 'forward' ? kept : kept.reverse();
  return {
    items: ordered.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) })),
    hasNextPage: request.direction === 'forward' ? hasMore : request.cursor !== null,
    hasPreviousPage: request.direction === 'forward' ? request.cursor !== null : hasMore,
  };
}
