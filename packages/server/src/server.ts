import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { systemClock } from './domain/clock.js';
import type { BootstrapResult } from './domain/identity/bootstrap.js';
import type { SignInThrottleOptions } from './domain/identity/sign-in-throttle.js';
import { relayLiveChanges } from './domain/live/live-relay.js';
import { createRateLimiter } from './domain/rate-limits/rate-limiter.js';
import { createServices, type Services } from './domain/services.js';
import { startSnoozeScheduler } from './domain/threads/snooze-scheduler.js';
import { startDeliveryWorker } from './domain/webhooks/delivery-worker.js';
import { ensureSigningSecrets } from './domain/webhooks/signing-secret.js';
import { buildApp } from './http/app.js';
import type { LiveOptions } from './http/live-routes.js';
import { createWebhookSender } from './outbound/webhook-sender.js';
import type { Db } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { openPgDb } from './storage/pg-db.js';
import { openPgliteDb } from './storage/pglite-db.js';

/** A started Threadline: its app, database, services and what the first start made. */
export interface Server {
  app: FastifyInstance;
  db: Db;
  services: Services;
  bootstrap: BootstrapResult;
  /** The base URL it listens on, e.g. http://127.0.0.1:4000. */
  url: string;
  close(): Promise<void>;
}

/** Opens the database the configuration names: PostgreSQL with DATABASE_URL, else PGlite. */
export function openDatabase(config: Config): Promise<Db> {
  return config.databaseUrl
    ? Promise.resolve(openPgDb({ connectionString: config.databaseUrl }))
    : openPgliteDb(config.dataDir);
}

/** What a caller (a test) may put in place of the defaults. */
export interface ServerOptions {
  db?: Db;
  /** How failed sign-ins are slowed down; tests use small delays. */
  signInThrottle?: SignInThrottleOptions;
  /** The live stream's heartbeat and connection cap; tests use small ones. */
  live?: LiveOptions;
}

/** Starts Threadline: database, migrations, first-start bootstrap, then HTTP. */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<Server> {
  const db = options.db ?? (await openDatabase(config));
  await migrate(db);
  // The app's logger exists only once the app does; failures before that have nowhere else to go.
  let reportBackgroundError = (error: unknown) => console.error(error);
  const services = createServices({
    db,
    clock: systemClock,
    webhooks: { blockPrivate: config.webhooks.blockPrivate },
    signInThrottle: options.signInThrottle,
    onBackgroundError: (error) => reportBackgroundError(error),
  });
  const bootstrap = await services.identity.bootstrap({
    apiKey: config.apiKey,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    webhookSigningSecret: config.webhooks.signingSecret,
  });
  await ensureSigningSecrets(db, config.webhooks.signingSecret);
  const rateLimiter = createRateLimiter({
    db,
    clock: systemClock,
    perKey: config.limits.rateLimitPerKey,
    perWorkspace: config.limits.rateLimitPerWorkspace,
  });
  const app = await buildApp({
    services,
    db,
    logLevel: config.logLevel,
    rateLimiter,
    introspection: config.limits.introspection,
    trustProxy: config.trustProxy,
    webDir: config.webDir,
    live: options.live,
  });
  const scheduler = startSnoozeScheduler({
    wake: (limit) => services.threadStatus.wakeDueSnoozes(limit),
    intervalMs: config.schedulerIntervalMs,
    onError: (error) => app.log.error({ err: error }, 'waking snoozed threads failed'),
  });
  const sender = createWebhookSender({
    timeoutMs: config.webhooks.timeoutMs,
    blockPrivate: config.webhooks.blockPrivate,
  });
  const deliveries = startDeliveryWorker({
    db,
    clock: systemClock,
    send: sender.send,
    retryScheduleMs: config.webhooks.retryScheduleMs,
    disableAfterMs: config.webhooks.disableAfterMs,
    attemptTimeoutMs: config.webhooks.timeoutMs,
    pollIntervalMs: config.schedulerIntervalMs,
    concurrency: config.webhooks.concurrency,
    retentionMs: config.webhooks.retentionMs,
    onError: (error) => app.log.error({ err: error }, 'delivering webhooks failed'),
  });
  services.doorbell.connect(() => deliveries.ring());
  reportBackgroundError = (error) => app.log.error({ err: error }, 'sending live changes failed');
  // Several processes on one PostgreSQL: each hears every process's live changes (live-relay.ts).
  const stopRelay = db.listen ? await relayLiveChanges(db.listen, services.live) : null;
  // Stopped before the app (and then the database) closes, so no pass runs on a closed database.
  app.addHook('preClose', async () => {
    await scheduler.stop();
    await deliveries.stop();
    await sender.close();
    await stopRelay?.();
  });
  const address = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    db,
    services,
    bootstrap,
    url: address.replace('[::1]', 'localhost'),
    async close() {
      await app.close();
      await db.close();
    },
  };
}
