import type { Queryable } from './db.js';
import { type Audit, auditOf, type Row, toDateOrNull } from './rows.js';

/** A customer: a person the workspace supports, unique by email and by externalId. */
export interface CustomerRecord extends Audit {
  workspaceId: string;
  id: string;
  externalId: string | null;
  fullName: string;
  shortName: string | null;
  email: string;
  emailIsVerified: boolean;
  emailVerifiedAt: Date | null;
}

/** One way to find a customer; exactly one key is set. */
export type CustomerKey = { customerId: string } | { email: string } | { externalId: string };

/** The columns an update may change. */
export type CustomerChange = Pick<
  CustomerRecord,
  | 'fullName'
  | 'shortName'
  | 'externalId'
  | 'email'
  | 'emailIsVerified'
  | 'emailVerifiedAt'
  | 'updatedAt'
  | 'updatedBy'
>;

/** Reads a customer row. */
export function toCustomer(row: Row): CustomerRecord {
  return {
    workspaceId: row.workspace_id as string,
    id: row.id as string,
    externalId: (row.external_id as string | null) ?? null,
    fullName: row.full_name as string,
    shortName: (row.short_name as string | null) ?? null,
    email: row.email as string,
    emailIsVerified: row.email_is_verified as boolean,
    emailVerifiedAt: toDateOrNull(row.email_verified_at),
    ...auditOf(row),
  };
}

/** The WHERE condition and parameter that find a customer by one key (params $1 workspace, $2 value). */
export function customerKeyCondition(key: CustomerKey): { condition: string; value: string } {
  if ('customerId' in key) return { condition: 'id = $2', value: key.customerId };
  if ('email' in key) return { condition: 'lower(email) = lower($2)', value: key.email };
  return { condition: 'external_id = $2', value: key.externalId };
}

/** Finds a customer of a workspace by id, email (case-insensitive) or externalId. */
export async function findCustomer(
  db: Queryable,
  workspaceId: string,
  key: CustomerKey,
): Promise<CustomerRecord | null> {
  const { condition, value } = customerKeyCondition(key);
  const rows = await db.query(`SELECT * FROM customers WHERE workspace_id = $1 AND ${condition}`, [
    workspaceId,
    value,
  ]);
  return rows[0] ? toCustomer(rows[0]) : null;
}

/** Finds customers of a workspace by id (for batched loading). */
export async function findCustomersByIds(
  db: Queryable,
  workspaceId: string,
  ids: readonly string[],
): Promise<CustomerRecord[]> {
  const rows = await db.query('SELECT * FROM customers WHERE workspace_id = $1 AND id = ANY($2::text[])', [
    workspaceId,
    ids,
  ]);
  return rows.map(toCustomer);
}

/**
 * Inserts a customer unless one with the same email or externalId exists, in one statement so that
 * concurrent upserts of one new customer create exactly one. Returns null when a row was in the way.
 */
export async function insertCustomerIfAbsent(
  db: Queryable,
  c: CustomerRecord,
): Promise<CustomerRecord | null> {
  const rows = await db.query(
    `INSERT INTO customers (workspace_id, id, external_id, full_name, short_name, email, email_is_verified,
       email_verified_at, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT DO NOTHING RETURNING *`,
    [
      c.workspaceId,
      c.id,
      c.externalId,
      c.fullName,
      c.shortName,
      c.email,
      c.emailIsVerified,
      c.emailVerifiedAt,
      c.createdAt,
      c.createdBy,
      c.updatedAt,
      c.updatedBy,
    ],
  );
  return rows[0] ? toCustomer(rows[0]) : null;
}

/** Updates a customer; throws UniqueViolation when the new email or externalId belongs to another. */
export async function updateCustomer(
  db: Queryable,
  workspaceId: string,
  id: string,
  change: CustomerChange,
): Promise<CustomerRecord | null> {
  const rows = await db.query(
    `UPDATE customers SET full_name = $3, short_name = $4, external_id = $5, email = $6, email_is_verified = $7,
       email_verified_at = $8, updated_at = $9, updated_by = $10
     WHERE workspace_id = $1 AND id = $2 RETURNING *`,
    [
      workspaceId,
      id,
      change.fullName,
      change.shortName,
      change.externalId,
      change.email,
      change.emailIsVerified,
      change.emailVerifiedAt,
      change.updatedAt,
      change.updatedBy,
    ],
  );
  return rows[0] ? toCustomer(rows[0]) : null;
}
