#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

/** Runs the server until SIGINT or SIGTERM, printing a generated API key once, at first start. */
async function main(): Promise<void> {
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
  process.stdout.write(`Threadline is listening on ${server.url} (GraphQL at ${server.url}/graphql/v1)\n`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
