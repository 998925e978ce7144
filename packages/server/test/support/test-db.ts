import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/storage/db.js';
import { openPgDb } from '../../src/storage/pg-db.js';
import { openPgliteDb } from '../../src/storage/pglite-db.js';
import { adminConnectionString, databaseUrlWith } from './postgres.js';

/** A fresh, migrated database of its own for one test file, and how to remove it. */
export interface TestDb {
  db: Db;
  engine: Db['engine'];
  /** Closes the database and deletes it. */
  drop(): Promise<void>;
}

/**
 * Opens a copy of the run's migrated template: a PGlite data directory copied to a temp dir, or a
 * PostgreSQL database created from the template database (when DATABASE_URL is set).
 */
export async function createTestDb(): Promise<TestDb> {
  const location = await createTestDbLocation();
  const db =
    location.engine === 'postgres'
      ? openPgDb({ connectionString: location.env.DATABASE_URL! })
      : await openPgliteDb(location.env.THREADLINE_DATA_DIR!);
  return {
    db,
    engine: location.engine,
    async drop() {
      // A test may have closed the database itself (to see what a lost database does).
      await db.close().catch(() => {});
      await location.drop();
    },
  };
}

/** Where a copy of the template lives, for server processes started by a test, and how to remove it. */
export interface TestDbLocation {
  engine: Db['engine'];
  /** The environment that points a server process at it: DATABASE_URL or THREADLINE_DATA_DIR. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** Makes a copy of the run's migrated template without opening it (a child process will). */
export async function createTestDbLocation(): Promise<TestDbLocation> {
  const postgresTemplate = inject('postgresTemplateDb');
  const databaseUrl = process.env.DATABASE_URL;
  if (postgresTemplate && databaseUrl) {
    const name = `threadline_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminConnectionString(databaseUrl) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplate}`);
    return {
      engine: 'postgres',
      env: { DATABASE_URL: databaseUrlWith(databaseUrl, name) },
      async drop() {
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      },
    };
  }
  const template = inject('pgliteTemplateDir');
  if (!template) throw new Error('The global setup made no database template.');
  const dir = await mkdtemp(join(tmpdir(), 'threadline-test-'));
  await cp(template, join(dir, 'data'), { recursive: true });
  return {
    engine: 'pglite',
    env: { THREADLINE_DATA_DIR: join(dir, 'data') },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
