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
  /**
   * Runs `callback` once what was written through this Queryable is committed: after COMMIT in a
   * transaction (never, if it rolls back). Outside one each statement commits by itself, so it runs
   * at once; a Queryable without it (a test's wrapper) is treated the same way.
   */
  afterCommit?(callback: () => void): void;
}

/** Runs `callback` when `q`'s writes are committed (see Queryable.afterCommit). */
export function whenCommitted(q: Queryable, callback: () => void): void {
  if (q.afterCommit) q.afterCommit(callback);
  else callback();
}

/** The database: a Queryable that can also open transactions. */
export interface Db extends Queryable {
  /** Which engine sits behind this adapter. */
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
  /**
   * Listens to a NOTIFY channel on a connection of its own (PostgreSQL only: PGlite is one process,
   * with no one else to hear from) until the returned function is called. Reconnects after a lost
   * connection; notifications sent meanwhile are missed, so `onResumed` is called once it listens
   * again, for the caller to make up for them.
   */
  listen?(
    channel: string,
    onMessage: (payload: string) => void,
    onResumed?: () => void,
  ): Promise<() => Promise<void>>;
}

/**
 * Starts a statement whose best plan depends on its values (a thread list filtered by a label type
 * on 0.1% of threads, or on 30%): PostgreSQL's adapter then sends it unprepared, so it is planned
 * for the values at hand each time instead of switching to one generic plan after five runs.
 */
export const CUSTOM_PLAN = '/* custom plan */ ';

/** A unique-constraint violation, carried out of either adapter with the constraint's name. */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation on ${constraint}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * A value the database cannot store or compare as given (a NUL character in text, say). It is the
 * caller's input that is wrong, not the server, so it is answered as bad input rather than a 500.
 */
export class UnstorableValue extends Error {
  constructor(detail: string) {
    super(`A value cannot be stored: ${detail}`);
    this.name = 'UnstorableValue';
  }
}

/**
 * A write refers to a row that is gone: another request deleted it (a customer, say) between this
 * request's check and its write. Nothing was written; the caller's answer is "not found".
 */
export class ReferenceGone extends Error {
  constructor(readonly constraint: string) {
    super(`a referenced row is gone (${constraint})`);
    this.name = 'ReferenceGone';
  }
}

/** PostgreSQL's SQLSTATEs for unique_violation and foreign_key_violation. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * SQLSTATEs of values the database refuses: NUL characters and untranslatable text, malformed or
 * out-of-range dates and numbers, index rows too large.
 */
const UNSTORABLE = new Set(['22021', '22P05', '22P02', '22025', '22007', '22008', '22003', '54000']);

/** Rethrows a driver error as UniqueViolation, ReferenceGone or UnstorableValue when it is one, so repositories need not know the driver. */
export function translateDriverError(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e && e.code === UNIQUE_VIOLATION) throw new UniqueViolation(e.constraint ?? 'unknown');
  if (e && e.code === FOREIGN_KEY_VIOLATION) throw new ReferenceGone(e.constraint ?? 'unknown');
  if (e?.code && UNSTORABLE.has(e.code)) throw new UnstorableValue(e.message ?? e.code);
  throw error;
}
