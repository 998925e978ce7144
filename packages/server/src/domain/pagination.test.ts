import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, encodeCursor, PageArgsError, toPage, toPageRequest } from './pagination.js';

describe('toPageRequest', () => {
  it('reads 25 forward by default', () => {
    expect(toPageRequest({}, 1)).toEqual({ direction: 'forward', limit: DEFAULT_PAGE_SIZE, cursor: null });
  });

  it('reads backward with last and before', () => {
    expect(toPageRequest({ last: 5, before: encodeCursor(['b']) }, 1)).toEqual({
      direction: 'backward',
      limit: 5,
      cursor: ['b'],
    });
  });

  it.each([
    [{ first: 1, last: 1 }, 'Pass either first or last, not both.'],
    [{ first: 1, before: encodeCursor(['a']) }, 'first cannot be combined with before.'],
    [{ last: 1, after: encodeCursor(['a']) }, 'last cannot be combined with after.'],
    [{ first: 101 }, 'Page size must be between 0 and 100.'],
    [{ first: -1 }, 'Page size must be between 0 and 100.'],
  ])('refuses %j', (args, message) => {
    expect(() => toPageRequest(args, 1)).toThrow(new PageArgsError(message));
  });

  it('refuses a cursor of another list or of no list', () => {
    expect(() => toPageRequest({ after: encodeCursor(['a', 'b']) }, 1)).toThrow(PageArgsError);
    expect(() => toPageRequest({ after: 'not-a-cursor' }, 1)).toThrow(PageArgsError);
  });
});

describe('toPage', () => {
  const key = (n: number) => [n];

  it('uses the extra row to tell there is a next page, and drops it', () => {
    const page = toPage([1, 2, 3], { direction: 'forward', limit: 2, cursor: null }, key);
    expect(page.items.map((i) => i.node)).toEqual([1, 2]);
    expect(page).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('puts a backward page back in sort order', () => {
    const page = toPage([9, 8, 7], { direction: 'backward', limit: 2, cursor: [10] }, key);
    expect(page.items.map((i) => i.node)).toEqual([8, 9]);
    expect(page).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('gives each item the cursor of its own key', () => {
    const page = toPage([4], { direction: 'forward', limit: 2, cursor: null }, key);
    expect(page.items[0]!.cursor).toBe(encodeCursor([4]));
  });
});
