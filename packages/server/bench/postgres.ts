/** A throw-away PostgreSQL database for one bench run. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for this run. */
export interface BenchDatabase {
  /** Its connection string, for the server's DATABASE_URL. */
  url: string;
  name: string;
  /** Drops it, closing any connection a killed server left behind. */
  drop(): Promise<void>;
}

/** Whether PostgreSQL answered: a database, or why there is none. */
export type BenchDatabaseResult = { ok: true; db: BenchDatabase } | { ok: false; reason: string };

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // A short connect timeout: an absent PostgreSQL should skip its section, not stall the run.
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `threadline_bench_<random>` on the server `adminUrl` points at (a URL to any database). */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabaseResult> {
  const name = `threadline_bench_${randomBytes(6).toString('hex')}`;
  try {
    await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    return { ok: false, reason: `${(error as Error).message || String(error)} (${redact(adminUrl)})` };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    ok: true,
    db: {
      url: url.toString(),
      name,
      drop: async () => {
        await withAdminClient(adminUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
        );
      },
    },
  };
}

/** The URL without its password, for printing. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable DATABASE URL)';
  }
}
