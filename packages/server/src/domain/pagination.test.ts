import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, encodeCursor, PageArgsError, toPage, toPageRequest } from './pagination.js';

describe('toPageRequest', () => {
  it('reads 25 forward by default', () => {
    expect(toPageRequest({}, ['text'])).toEqual({
      direction: 'forward',
      limit: DEFAULT_PAGE_SIZE,
      cursor: null,
    });
  });

  it('reads backward with last and before', () => {
    expect(toPageRequest({ last: 5, before: encodeCursor(['b']) }, ['text'])).toEqual({
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
    expect(() => toPageRequest(args, ['text'])).toThrow(new PageArgsError(message));
  });

  it('refuses a cursor of another list or of no list', () => {
    expect(() => toPageRequest({ after: encodeCursor(['a', 'b']) }, ['text'])).toThrow(PageArgsError);
    expect(() => toPageRequest({ after: 'not-a-cursor' }, ['text'])).toThrow(PageArgsError);
  });

  it.each([
    [
      ['notadate', 'x'],
      ['timestamptz', 'text'],
    ],
    [
      [1e20, 'x'],
      ['integer', 'text'],
    ],
    [
      [1.5, 'x'],
      ['integer', 'text'],
    ],
    [
      [5, 'x'],
      ['timestamptz', 'text'],
    ],
  ] as const)('refuses a cursor %j whose parts do not fit %j', (key, types) => {
    expect(() => toPageRequest({ after: encodeCursor(key) }, types)).toThrow(PageArgsError);
  });

  it('takes a cursor whose time is as the list wrote it', () => {
    const key = ['2026-11-21T15:00:00.123Z', 't_1'];
    expect(toPageRequest({ after: encodeCursor(key) }, ['timestamptz', 'text']).cursor).toEqual(key);
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
