import type { KeysetRequest } from '../storage/keyset.js';
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

function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new PageArgsError(`The cursor "${cursor}" is not valid for this list.`);
}

/**
 * Validates Relay arguments for a list sorted by a key of `arity` parts. Mixing `first` with
 * `before`, or `last` with `after`, is an error, as Plain's docs say.
 */
export function toPageRequest(args: PageArgs, arity: number): PageRequest {
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
    cursor: cursor ? decodeCursor(cursor, arity) : null,
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
