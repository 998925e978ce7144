import { resolve } from 'node:path';

/** Threadline's configuration, read from the environment (design.md, "Running it"). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; null runs on embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite's data directory. */
  dataDir: string;
  /** At first start, the secret of the bootstrap API key instead of a random one. */
  apiKey: string | null;
  /** At first start, the owner user's email. */
  adminEmail: string;
  logLevel: string;
  /** How often the scheduler looks for snoozes that have run out, in milliseconds. */
  schedulerIntervalMs: number;
}

/** A configuration value that cannot be used. */
export class ConfigError extends Error {}

/** Reads the configuration from environment variables, with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const schedulerIntervalMs = Number(env.THREADLINE_SCHEDULER_INTERVAL_MS ?? 1000);
  if (!Number.isInteger(schedulerIntervalMs) || schedulerIntervalMs < 10 || schedulerIntervalMs > 3_600_000) {
    throw new ConfigError(
      `THREADLINE_SCHEDULER_INTERVAL_MS must be whole milliseconds from 10 to 3600000, not "${env.THREADLINE_SCHEDULER_INTERVAL_MS}".`,
    );
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.THREADLINE_DATA_DIR || './.threadline/data'),
    apiKey: env.THREADLINE_API_KEY || null,
    adminEmail: env.THREADLINE_ADMIN_EMAIL || 'admin@localhost',
    logLevel: env.LOG_LEVEL || 'info',
    schedulerIntervalMs,
  };
}
