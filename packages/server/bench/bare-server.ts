/**
 * The ceiling: a fresh Fastify with one trivial JSON route, run as a child process exactly as the
 * Threadline server is (node --import tsx), so that the ratio between the two is fair.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const address = await app.listen({ port: 0, host: '127.0.0.1' });
// run.ts waits for this line, the same words Threadline's main.ts prints.
process.stdout.write(`Bare Fastify is listening on ${address}\n`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
