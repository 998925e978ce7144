/** Lists, search and deletion of customers. */

import { type CustomerRecord, toCustomer } from './customer-repository.js';
import type { Queryable } from './db.js';
import { type KeyColumn, type KeysetRequest, keysetSql } from './keyset.js';
import type { TimeRange } from './thread-list-repository.js';

/** A validated CustomersFilter. */
export interface CustomerListFilter {
  updatedAt?: TimeRange;
  /** searchCustomers: any condition matches (a column contains the text, and its words start with the terms). */
  anyOf?: { column: 'full_name' | 'short_name' | 'email' | 'external_id'; text: string; terms: string[] }[];
}

const NAME_KEY: KeyColumn[] = [
  { sql: 'lower(full_name)', cast: 'text' },
  { sql: 'id', cast: 'text' },
];

function whereOf(filter: CustomerListFilter, params: unknown[]): string {
  const parts: string[] = [];
  const add = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  if (filter.updatedAt?.after) parts.push(`updated_at >= ${add(filter.updatedAt.after, 'timestamptz')}`);
  if (filter.updatedAt?.before) parts.push(`updated_at < ${add(filter.updatedAt.before, 'timestamptz')}`);
  if (filter.anyOf) {
    // The GIN index finds candidates by word prefixes; the column check keeps those that contain the text.
    const conditions = filter.anyOf.map(
      (c) =>
        `(search_vector @@ to_tsquery('simple', ${add(c.terms.map((t) => `${t}:*`).join(' & '), 'text')})
          AND strpos(lower(coalesce(${c.column}, '')), ${add(c.text.toLowerCase(), 'text')}) > 0)`,
    );
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
): Promise<CustomerRecord[]> {
  const params: unknown[] = [workspaceId];
  const where = whereOf(filter, params);
  const k = keysetSql(NAME_KEY, page, params.length + 1, descending);
  const rows = await db.query(
    `SELECT * FROM customers WHERE workspace_id = $1 AND ${where} AND ${k.where} ORDER BY ${k.orderBy} ${k.limit}`,
    [...params, ...k.params],
  );
  return rows.map(toCustomer);
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
 * Deletes a customer with everything that is theirs: their events, their threads (and with them
 * the threads' labels, fields, notes and timeline entries) and their notes. Run in a transaction.
 * Tells whether the customer existed.
 */
export async function deleteCustomerAndData(
  db: Queryable,
  workspaceId: string,
  customerId: string,
): Promise<boolean> {
  await db.query('DELETE FROM events WHERE workspace_id = $1 AND customer_id = $2', [
    workspaceId,
    customerId,
  ]);
  await db.query('DELETE FROM threads WHERE workspace_id = $1 AND customer_id = $2', [
    workspaceId,
    customerId,
  ]);
  const rows = await db.query('DELETE FROM customers WHERE workspace_id = $1 AND id = $2 RETURNING id', [
    workspaceId,
    customerId,
  ]);
  return rows.length > 0;
}
