#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { systemClock } from './domain/clock.js';
import { createServices } from './domain/services.js';
import { openDatabase, startServer } from './server.js';
import { migrate } from './storage/migrate.js';

const USAGE = `Usage:
  threadline [serve]                       run the server (configured by environment variables)
  threadline create-workspace --name NAME [--admin-email EMAIL]
                                           add a workspace, isolated from the others, and print its
                                           all-permissions API key (with PGlite, stop the server first)`;

/** Runs the server until SIGINT or SIGTERM, printing a generated API key once, at first start. */
async function serve(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  if (server.bootstrap.created) {
    const key = server.bootstrap.generatedApiKeySecret;
    process.stdout.write(
      `\nThreadline created workspace ${server.bootstrap.workspace.id}.\n` +
        (key
          ? `Its API key with every permission (shown once, store it now):\n\n  ${key}\n\n`
          : 'Its API key with every permission is the value of THREADLINE_API_KEY.\n\n'),
    );
  }
  const { ownerEmail, generatedPassword } = server.bootstrap;
  if (ownerEmail && generatedPassword) {
    process.stdout.write(
      `Sign in at ${server.url}/ as ${ownerEmail} with password: ${generatedPassword}\n` +
        '(shown once; set THREADLINE_ADMIN_PASSWORD to choose or reset it)\n\n',
    );
  }
  process.stdout.write(`Threadline is listening on ${server.url} (GraphQL at ${server.url}/graphql/v1)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Adds a workspace with its owner and an all-permissions key, printed once. */
async function createWorkspace(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, 'admin-email': { type: 'string' } },
  });
  if (!values.name?.trim()) throw new ConfigError(`create-workspace needs --name.\n\n${USAGE}`);
  const config = loadConfig(process.env);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const services = createServices({ db, clock: systemClock });
    const made = await services.identity.createWorkspace({
      name: values.name.trim(),
      adminEmail: values['admin-email'] ?? config.adminEmail,
    });
    process.stdout.write(
      `Created workspace ${made.workspace.id} (${made.workspace.name}).\n` +
        `Its API key with every permission (shown once, store it now):\n\n  ${made.generatedApiKeySecret}\n\n` +
        `Its owner signs in as ${made.ownerEmail} with password: ${made.generatedPassword}\n`,
    );
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  if (command === 'serve') return serve();
  if (command === 'create-workspace') return createWorkspace(rest);
  throw new ConfigError(`Unknown command "${command}".\n\n${USAGE}`);
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(1);
});
