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
  /** The owner's password, set at every start it does not match (so it also resets one); null generates one once. */
  adminPassword: string | null;
  /**
   * The proxies in front whose X-Forwarded-* headers are trusted (0: none), so a session cookie over
   * https is Secure and sign-ins are counted per client address.
   */
  trustProxy: number;
  /** The built web app's folder; null serves packages/web/dist beside the server. */
  webDir: string | null;
  logLevel: string;
  /** How often background work polls: snoozes that have run out, webhook deliveries that are due. */
  schedulerIntervalMs: number;
  webhooks: WebhookConfig;
  limits: LimitsConfig;
}

/** Limits on callers (THREADLINE_RATE_LIMIT_*, THREADLINE_INTROSPECTION). */
export interface LimitsConfig {
  /** Requests per minute per API key; 0 is no limit. */
  rateLimitPerKey: number;
  /** Requests per minute per workspace, all its keys together; 0 is no limit. */
  rateLimitPerWorkspace: number;
  /** `authenticated`: any caller with a valid key may introspect; `off`: nobody. */
  introspection: 'authenticated' | 'off';
}

/** Webhook delivery settings (THREADLINE_WEBHOOK_*). */
export interface WebhookConfig {
  /** The waits before each retry; Plain's 12 retries over about five days by default. */
  retryScheduleMs: number[];
  /** The longest one attempt may take. */
  timeoutMs: number;
  /** A target whose attempts all fail for this long is disabled. */
  disableAfterMs: number;
  /** Refuse targets on loopback and private addresses (for public deployments). */
  blockPrivate: boolean;
  /** At first start, the signing secret instead of a random one. */
  signingSecret: string | null;
  /** Attempts in flight at once, per process. */
  concurrency: number;
  /** The delivery log (attempts, and events no longer pending) is kept this long. */
  retentionMs: number;
}

/** Plain's retry schedule: 10s, 30s, 5m, 30m, 1h, 3h, 6h, 12h, then four times 1d. */
export const PLAIN_RETRY_SCHEDULE = '10s,30s,5m,30m,1h,3h,6h,12h,1d,1d,1d,1d';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads a duration such as `500ms`, `10s`, `5m`, `1h` or `1d` as milliseconds; null if it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(text);
  return match ? Math.round(Number(match[1]) * UNIT_MS[match[2]!]!) : null;
}

function durationSetting(env: NodeJS.ProcessEnv, name: string, fallback: string, minMs: number): number {
  const text = env[name] || fallback;
  const ms = parseDuration(text);
  if (ms === null || ms < minMs) {
    throw new ConfigError(
      `${name} must be a duration such as 500ms, 10s, 5m, 1h or 1d (at least ${minMs} ms), not "${text}".`,
    );
  }
  return ms;
}

function loadWebhookConfig(env: NodeJS.ProcessEnv): WebhookConfig {
  const scheduleText = env.THREADLINE_WEBHOOK_RETRY_SCHEDULE ?? PLAIN_RETRY_SCHEDULE;
  const retryScheduleMs = scheduleText.trim() === '' ? [] : scheduleText.split(',').map(parseDuration);
  if (retryScheduleMs.some((ms) => ms === null) || retryScheduleMs.length > 50) {
    throw new ConfigError(
      `THREADLINE_WEBHOOK_RETRY_SCHEDULE must be up to 50 comma-separated durations such as 1s,1s,2s, not "${scheduleText}".`,
    );
  }
  const concurrency = Number(env.THREADLINE_WEBHOOK_CONCURRENCY ?? 16);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000) {
    throw new ConfigError(
      `THREADLINE_WEBHOOK_CONCURRENCY must be a whole number from 1 to 1000, not "${env.THREADLINE_WEBHOOK_CONCURRENCY}".`,
    );
  }
  const blockPrivate = env.THREADLINE_WEBHOOK_BLOCK_PRIVATE ?? '0';
  if (!['0', '1', 'true', 'false'].includes(blockPrivate)) {
    throw new ConfigError(`THREADLINE_WEBHOOK_BLOCK_PRIVATE must be 1 or 0, not "${blockPrivate}".`);
  }
  return {
    retryScheduleMs: retryScheduleMs as number[],
    timeoutMs: durationSetting(env, 'THREADLINE_WEBHOOK_TIMEOUT', '10s', 100),
    disableAfterMs: durationSetting(env, 'THREADLINE_WEBHOOK_DISABLE_AFTER', '5d', 1000),
    blockPrivate: blockPrivate === '1' || blockPrivate === 'true',
    signingSecret: env.THREADLINE_WEBHOOK_SIGNING_SECRET || null,
    concurrency,
    retentionMs: durationSetting(env, 'THREADLINE_WEBHOOK_RETENTION', '30d', 1000),
  };
}

function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  const value = text === undefined || text.trim() === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000_000) {
    throw new ConfigError(
      `${name} must be a whole number of requests per minute (0 for no limit), not "${text}".`,
    );
  }
  return value;
}

/**
 * Generous for self-hosting and CI (Plain allows 450 to 1,000 a minute): a test suite hammering one
 * key should not meet them, a runaway loop or a stolen key should.
 */
export const DEFAULT_RATE_LIMITS = { perKey: 60_000, perWorkspace: 120_000 } as const;

function loadLimitsConfig(env: NodeJS.ProcessEnv): LimitsConfig {
  const introspection = env.THREADLINE_INTROSPECTION || 'authenticated';
  if (introspection !== 'authenticated' && introspection !== 'off') {
    throw new ConfigError(`THREADLINE_INTROSPECTION must be authenticated or off, not "${introspection}".`);
  }
  return {
    rateLimitPerKey: perMinute(env, 'THREADLINE_RATE_LIMIT_PER_KEY', DEFAULT_RATE_LIMITS.perKey),
    rateLimitPerWorkspace: perMinute(
      env,
      'THREADLINE_RATE_LIMIT_PER_WORKSPACE',
      DEFAULT_RATE_LIMITS.perWorkspace,
    ),
    introspection,
  };
}

/**
 * How many proxies in front to trust (THREADLINE_TRUST_PROXY): 0 when unset. Only the addresses those
 * hops appended to X-Forwarded-For are believed; trusting every hop would let a client name its own
 * address (and so start a fresh sign-in count with each request). `true` and `false` mean 1 and 0.
 */
function proxyHops(env: NodeJS.ProcessEnv): number {
  const text = env.THREADLINE_TRUST_PROXY || '0';
  const hops = text === 'true' ? 1 : text === 'false' ? 0 : Number(text);
  if (!/^(\d+|true|false)$/.test(text) || hops > 10) {
    throw new ConfigError(
      `THREADLINE_TRUST_PROXY must be the number of proxies in front (0 to 10), not "${text}".`,
    );
  }
  return hops;
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
    adminPassword: env.THREADLINE_ADMIN_PASSWORD || null,
    trustProxy: proxyHops(env),
    webDir: env.THREADLINE_WEB_DIR ? resolve(env.THREADLINE_WEB_DIR) : null,
    logLevel: env.LOG_LEVEL || 'info',
    schedulerIntervalMs,
    webhooks: loadWebhookConfig(env),
    limits: loadLimitsConfig(env),
  };
}
