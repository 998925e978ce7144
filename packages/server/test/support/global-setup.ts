import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/storage/migrate.js';
import { openPgliteDb } from '../../src/storage/pglite-db.js';
import { adminConnectionString, databaseUrlWith } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory that each test file copies (PGlite runs only). */
    pgliteTemplateDir: string | null;
    /** A migrated PostgreSQL database that each test file clones (PostgreSQL runs only). */
    postgresTemplateDb: string | null;
  }
}

/**
 * Builds one migrated database for the whole run: PGlite's first start of a data directory costs
 * seconds (initdb), and migrations run once instead of once per file.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `threadline_test_template_${process.pid}`;
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminConnectionString(databaseUrl) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const { openPgDb } = await import('../../src/storage/pg-db.js');
    const db = openPgDb({ connectionString: databaseUrlWith(databaseUrl, template) });
    await migrate(db);
    await db.close();
    project.provide('postgresTemplateDb', template);
    project.provide('pgliteTemplateDir', null);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'threadline-template-'));
  const db = await openPgliteDb(join(dir, 'data'));
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplateDir', join(dir, 'data'));
  project.provide('postgresTemplateDb', null);
  return () => rm(dir, { recursive: true, force: true });
}
