/**
 * The one database seam of Threadline. Repositories speak SQL through it; two adapters implement it:
 * PostgreSQL through `pg` (production) and PGlite (embedded, the default for `npm start`).
 */

/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The database: a Queryable that can also open transactions. */
export interface Db extends Queryable {
  /** Which engine sits behind this adapter. */
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** A unique-constraint violation, carried out of either adapter with the constraint's name. */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation on ${constraint}`);
    this.name = 'UniqueViolation';
  }
}

/** PostgreSQL's SQLSTATE for unique_violation. */
const UNIQUE_VIOLATION = '23505';

/** Rethrows a driver error as UniqueViolation when it is one, so repositories need not know the driver. */
export function translateDriverError(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e && e.code === UNIQUE_VIOLATION) throw new UniqueViolation(e.constraint ?? 'unknown');
  throw error;
}
