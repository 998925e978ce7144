/** Walks a list method page by page, so callers write `for await (const thread of ...)`. */
import type { PageInfoPartsFragment } from './__generated__/graphql.js';
import { ThreadlineRequestError } from './errors.js';
import type { Result } from './result.js';

/** One page as a list method returns it. */
export interface PageOf<T> {
  items: T[];
  pageInfo: PageInfoPartsFragment;
}

/** The default page size of the iterate helpers (the server allows up to 100). */
export const DEFAULT_ITERATE_PAGE_SIZE = 50;

/**
 * Yields every item of every page, fetching the next page only when the loop reaches it. A failed
 * page throws a ThreadlineRequestError carrying the usual error union: a `for await` loop has no
 * other way to hear of it.
 */
export async function* iteratePages<T>(
  fetchPage: (after: string | undefined) => Promise<Result<PageOf<T>>>,
): AsyncGenerator<T, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    if (page.error) throw new ThreadlineRequestError(page.error);
    yield* page.data.items;
    const { hasNextPage, endCursor } = page.data.pageInfo;
    // A server that claims more pages without a cursor would loop forever on the first page.
    if (!hasNextPage || !endCursor || endCursor === after) return;
    after = endCursor;
  }
}
