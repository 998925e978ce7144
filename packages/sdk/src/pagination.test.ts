import { describe, expect, it } from 'vitest';
import { ThreadlineRequestError } from './errors.js';
import { iteratePages, type PageOf } from './pagination.js';
import type { Result } from './result.js';

const page = (items: number[], endCursor: string | null, hasNextPage: boolean): Result<PageOf<number>> => ({
  data: { items, pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: null, endCursor } },
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('iteratePages', () => {
  it('follows endCursor until hasNextPage is false', async () => {
    const afters: (string | undefined)[] = [];
    const pages = [page([1, 2], 'a', true), page([3, 4], 'b', true), page([5], 'c', false)];
    const items = await collect(
      iteratePages(async (after) => {
        afters.push(after);
        return pages[afters.length - 1]!;
      }),
    );
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(afters).toEqual([undefined, 'a', 'b']);
  });

  it('fetches a page only when the loop gets to it', async () => {
    let fetched = 0;
    for await (const item of iteratePages(async () => {
      fetched++;
      return page([1, 2], `c${fetched}`, true);
    })) {
      if (item === 2) break;
    }
    expect(fetched).toBe(1);
  });

  it('stops when a server repeats the cursor it was given, instead of looping forever', async () => {
    expect(await collect(iteratePages(async () => page([1], 'same', true)))).toEqual([1, 1]);
  });

  it('throws a ThreadlineRequestError carrying the error of a failed page', async () => {
    const error = { type: 'forbidden', message: 'Insufficient permissions, missing "thread:read".' } as const;
    await expect(collect(iteratePages(async () => ({ error })))).rejects.toEqual(
      new ThreadlineRequestError(error),
    );
  });
});
