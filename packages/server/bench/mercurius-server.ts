/**
 * A reference between the ceiling and Threadline: Mercurius alone (graphql-jit on, no auth hook,
 * request ids, logger or error formatter) answering the same query with the same bytes Threadline
 * sends. Threadline's ratio to it is the cost of Threadline's own code; its ratio to the bare route is
 * the cost of GraphQL itself, which no change inside Threadline can win back.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';

const app = Fastify({ logger: false });
await app.register(mercurius, {
  schema: 'type Query { ok: Boolean }',
  path: '/graphql/v1',
  jit: 1,
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
// run.ts waits for this line, the same words Threadline's main.ts prints.
process.stdout.write(`Mercurius is listening on ${address}\n`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
