/**
 * Keyset (seek) pagination in SQL: a page is read after or before a cursor's sort key, so pages stay
 * correct while rows are inserted, and every page is one index range scan.
 */

/** Which way to read, how many rows, and the sort key to start from. */
export interface KeysetRequest {
  direction: 'forward' | 'backward';
  limit: number;
  cursor: readonly (string | number)[] | null;
}

/** One column of a sort key, with the SQL type its cursor value is cast to. */
export interface KeyColumn {
  sql: string;
  cast: 'text' | 'timestamptz' | 'integer' | 'float8';
}

/** SQL fragments for one page. `where` is 'TRUE' without a cursor. */
export interface KeysetSql {
  where: string;
  orderBy: string;
  limit: string;
  params: unknown[];
}

/**
 * Builds the WHERE, ORDER BY and LIMIT of a page over `columns`, all sorted one way (`descending`
 * for newest-first lists). Parameters are numbered from `firstParam`. Rows come back in read order:
 * reversed for a backward page, which toPage puts right.
 */
export function keysetSql(
  columns: readonly KeyColumn[],
  request: KeysetRequest,
  firstParam: number,
  descending = false,
): KeysetSql {
  const readsDescending = descending !== (request.direction === 'backward');
  const direction = readsDescending ? 'DESC' : 'ASC';
  const orderBy = columns.map((c) => `${c.sql} ${direction}`).join(', ');
  const limit = `LIMIT ${request.limit + 1}`;
  if (!request.cursor) return { where: 'TRUE', orderBy, limit, params: [] };
  const left = `(${columns.map((c) => c.sql).join(', ')})`;
  const right = `(${columns.map((c, i) => `$${firstParam + i}::${c.cast}`).join(', ')})`;
  return {
    where: `${left} ${readsDescending ? '<' : '>'} ${right}`,
    orderBy,
    limit,
    params: [...request.cursor],
  };
}
