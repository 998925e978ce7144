/** Helpers that turn database rows into records, the same way for both engines. */

/** Who made and last changed a record, and when. Shared by every entity. */
export interface Audit {
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

/** A row as a driver returns it. */
export type Row = Record<string, unknown>;

/**
 * Reads a time: a Date from a timestamptz column, or an ISO string from inside json_build_object.
 */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string);
}

/** Like toDate, but keeps null. */
export function toDateOrNull(value: unknown): Date | null {
  return value == null ? null : toDate(value);
}

/** Reads the audit columns every table has. */
export function auditOf(row: Row): Audit {
  return {
    createdAt: toDate(row.created_at),
    createdBy: row.created_by as string,
    updatedAt: toDate(row.updated_at),
    updatedBy: row.updated_by as string,
  };
}

/** Reads a JSON column: pg and PGlite both parse json/jsonb, but json inside json_build_object may be text. */
export function toJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
