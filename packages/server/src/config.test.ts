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
      logLevel: 'info',
      schedulerIntervalMs: 1000,
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
        LOG_LEVEL: 'debug',
        THREADLINE_SCHEDULER_INTERVAL_MS: '50',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://db/x',
      dataDir: '/data',
      apiKey: 'k',
      adminEmail: 'me@example.com',
      logLevel: 'debug',
      schedulerIntervalMs: 50,
    });
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  });

  it('refuses a scheduler interval that is not whole milliseconds in range', () => {
    for (const value of ['0', '1.5', 'soon', '9999999']) {
      expect(() => loadConfig({ THREADLINE_SCHEDULER_INTERVAL_MS: value })).toThrow(ConfigError);
    }
  });
});
