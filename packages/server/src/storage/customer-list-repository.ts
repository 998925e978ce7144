/** Lists, search and deletion of customers. */

import { type CustomerRecord, toCustomer } from './customer-repository.js';
import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import type { TimeRange } from './thread-list-repository.js';

/** The customer fields searchCustomers looks in. */
export type CustomerSearchField = 'fullName' | 'shortName' | 'email' | 'externalId';

/** One searchCustomers condition: `field` contains `text`, and each of `terms` starts a word of it. */
export interface CustomerSearchMatch {
  field: CustomerSearchField;
  text: string;
  terms: readonly string[];
}

/** A validated CustomersFilter, or a search (`anyOf`: any condition matches). */
export interface CustomerListFilter {
  updatedAt?: TimeRange;
  anyOf?: readonly CustomerSearchMatch[];
}

/** A customer as a list reads it, with its sort key as the database lowercased it (for its cursor). */
export interface CustomerListRow {
  customer: CustomerRecord;
  nameKey: string;
}

const SEARCH_COLUMNS: { readonly [F in CustomerSearchField]: string } = {
  fullName: 'full_name',
  shortName: 'short_name',
  email: 'email',
  externalId: 'external_id',
};

// Served by customers_full_name (migration 0003) in both directions.
const NAME_KEY: KeyColumn[] = [
  { sql: 'lower(full_name)', cast: 'text' },
  { sql: 'id', cast: 'text' },
];

/**
 * The words of a column as customers.search_vector (migration 0003) splits them: runs of letters and
 * digits, lowercased by the 'simple' configuration.
 */
function wordsOf(column: string): string {
  return `to_tsvector('simple', regexp_replace(coalesce(${column}, ''), '[^[:alnum:]]+', ' ', 'g'))`;
}

function whereOf(filter: CustomerListFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  if (filter.updatedAt?.after) parts.push(`updated_at >= ${add(filter.updatedAt.after, 'timestamptz')}`);
  if (filter.updatedAt?.before) parts.push(`updated_at < ${add(filter.updatedAt.before, 'timestamptz')}`);
  if (filter.anyOf) {
    // The GIN index on search_vector (every field's words) finds the candidates; the other two checks,
    // on the named field alone, keep those whose words start with the terms and that contain the text.
    // Both sides are lowercased by the database, so the case rules are the same as the index's.
    const conditions = filter.anyOf.map((c) => {
      const column = SEARCH_COLUMNS[c.field];
      const query = `to_tsquery('simple', ${add(c.terms.map((t) => `${t}:*`).join(' & '), 'text')})`;
      return `(search_vector @@ ${query} AND ${wordsOf(column)} @@ ${query}
        AND strpos(lower(coalesce(${column}, '')), lower(${add(c.text, 'text')})) > 0)`;
    });
    parts.push(conditions.length > 0 ? `(${conditions.join(' OR ')})` : 'FALSE');
  }
  return parts.length > 0 ? parts.join(' AND ') : 'TRUE';
}

/** One page of a workspace's customers matching `filter`, by full name (case-insensitive), ties by id. */
export async function listCustomers(
  db: Queryable,
  workspaceId: string,
  filter: CustomerListFilter,
  descending: boolean,
  page: KeysetRequest,
): Promise<CustomerListRow[]> {
  const params: unknown[] = [workspaceId];
  const where = whereOf(filter, params);
  const k = keysetSql(NAME_KEY, page, params.length + 1, descending);
  const rows = await db.query(
    `SELECT *, lower(full_name) AS name_key FROM customers
     WHERE workspace_id = $1 AND ${where} AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [...params, ...k.params],
  );
  return rows.map((row) => ({ customer: toCustomer(row), nameKey: row.name_key as string }));
}

/** How many of a workspace's customers match `filter`. */
export async function countCustomers(
  db: Queryable,
  workspaceId: string,
  filter: CustomerListFilter,
): Promise<number> {
  const params: unknown[] = [workspaceId];
  const where = whereOf(filter, params);
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM customers WHERE workspace_id = $1 AND ${where}`,
    params,
  );
  return rows[0]!.n;
}

/**
 * Deletes a customer with everything that is theirs: their events (customer and thread events, which
 * reference the customer without a cascade), their threads (and with them the threads' labels, field
 * values, notes and timeline entries) and their notes. Run it in a transaction. Tells whether the
 * customer existed.
 */
export async function deleteCustomerAndData(
  db: Queryable,
  workspaceId: string,
  customerId: string,
): Promise<boolean> {
  // Locking the row first makes a concurrent createThread or createCustomerEvent for this customer
  // either finish before (its rows are then deleted here) or wait and fail on the missing customer,
  // rather than fail this delete with a foreign key violation.
  const found = await db.query('SELECT id FROM customers WHERE workspace_id = $1 AND id = $2 FOR UPDATE', [
    workspaceId,
    customerId,
  ]);
  if (found.length === 0) return false;
  const params = [workspaceId, customerId];
  await db.query('DELETE FROM events WHERE workspace_id = $1 AND customer_id = $2', params);
  await db.query('DELETE FROM threads WHERE workspace_id = $1 AND customer_id = $2', params);
  await db.query('DELETE FROM customers WHERE workspace_id = $1 AND id = $2', params);
  return true;
}
