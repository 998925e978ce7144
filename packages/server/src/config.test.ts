import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: resolve('./.threadline/data'),
      apiKey: null,
      adminEmail: 'admin@localhost',
      adminPassword: null,
      trustProxy: 0,
      webDir: null,
      logLevel: 'info',
      schedulerIntervalMs: 1000,
      webhooks: {
        retryScheduleMs: [
          10, 30, 300, 1800, 3600, 10_800, 21_600, 43_200, 86_400, 86_400, 86_400, 86_400,
        ].map((s) => s * 1000),
        timeoutMs: 10_000,
        disableAfterMs: 5 * 86_400_000,
        blockPrivate: false,
        signingSecret: null,
        concurrency: 16,
        retentionMs: 30 * 86_400_000,
      },
      limits: { rateLimitPerKey: 60_000, rateLimitPerWorkspace: 120_000, introspection: 'authenticated' },
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://db/x',
        THREADLINE_DATA_DIR: '/data',
        THREADLINE_API_KEY: 'k',
        THREADLINE_ADMIN_EMAIL: 'me@example.com',
        THREADLINE_ADMIN_PASSWORD: 'hunter22',
        THREADLINE_TRUST_PROXY: '1',
        THREADLINE_WEB_DIR: '/srv/web',
        LOG_LEVEL: 'debug',
        THREADLINE_SCHEDULER_INTERVAL_MS: '50',
        THREADLINE_WEBHOOK_RETRY_SCHEDULE: '1s, 500ms,2m',
        THREADLINE_WEBHOOK_TIMEOUT: '2s',
        THREADLINE_WEBHOOK_DISABLE_AFTER: '1h',
        THREADLINE_WEBHOOK_BLOCK_PRIVATE: '1',
        THREADLINE_WEBHOOK_SIGNING_SECRET: 'shh',
        THREADLINE_WEBHOOK_CONCURRENCY: '4',
        THREADLINE_WEBHOOK_RETENTION: '7d',
        THREADLINE_RATE_LIMIT_PER_KEY: '600',
        THREADLINE_RATE_LIMIT_PER_WORKSPACE: '0',
        THREADLINE_INTROSPECTION: 'off',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://db/x',
      dataDir: '/data',
      apiKey: 'k',
      adminEmail: 'me@example.com',
      adminPassword: 'hunter22',
      trustProxy: 1,
      webDir: '/srv/web',
      logLevel: 'debug',
      schedulerIntervalMs: 50,
      webhooks: {
        retryScheduleMs: [1000, 500, 120_000],
        timeoutMs: 2000,
        disableAfterMs: 3_600_000,
        blockPrivate: true,
        signingSecret: 'shh',
        concurrency: 4,
        retentionMs: 7 * 86_400_000,
      },
      limits: { rateLimitPerKey: 600, rateLimitPerWorkspace: 0, introspection: 'off' },
    });
  });

  it.each([
    ['THREADLINE_RATE_LIMIT_PER_KEY', '-1'],
    ['THREADLINE_RATE_LIMIT_PER_WORKSPACE', '1.5'],
    ['THREADLINE_RATE_LIMIT_PER_KEY', 'lots'],
    ['THREADLINE_INTROSPECTION', 'on'],
    ['THREADLINE_TRUST_PROXY', 'yes'],
    ['THREADLINE_TRUST_PROXY', '11'],
    ['THREADLINE_TRUST_PROXY', '-1'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
  });

  it('reads THREADLINE_TRUST_PROXY as a number of proxies, true and false as 1 and 0', () => {
    const hops = (value: string) => loadConfig({ THREADLINE_TRUST_PROXY: value }).trustProxy;
    expect(['0', '1', '2', 'true', 'false'].map(hops)).toEqual([0, 1, 2, 1, 0]);
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  });

  it('refuses a scheduler interval that is not whole milliseconds in range', () => {
    for (const value of ['0', '1.5', 'soon', '9999999']) {
      expect(() => loadConfig({ THREADLINE_SCHEDULER_INTERVAL_MS: value })).toThrow(ConfigError);
    }
  });

  it('reads an empty retry schedule as no retries, and refuses durations it cannot read', () => {
    expect(loadConfig({ THREADLINE_WEBHOOK_RETRY_SCHEDULE: '' }).webhooks.retryScheduleMs).toEqual([]);
    for (const value of ['1s,,2s', '10 seconds', '-1s', '1w']) {
      expect(() => loadConfig({ THREADLINE_WEBHOOK_RETRY_SCHEDULE: value })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ THREADLINE_WEBHOOK_TIMEOUT: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ THREADLINE_WEBHOOK_BLOCK_PRIVATE: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ THREADLINE_WEBHOOK_CONCURRENCY: '0' })).toThrow(ConfigError);
  });
});
