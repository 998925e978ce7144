/**
 * The raw-SQL ceiling: a bare Fastify route that reads one page of 25 threads with one parameterised
 * statement through `pg` from the database DATABASE_URL names: what the database and the driver
 * allow before any GraphQL or Threadline code. Run as a child process, as the others are.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/', async () => {
  const { rows } = await pool.query({
    name: 'page',
    text: 'SELECT id, title, status, priority, created_at FROM threads ORDER BY created_at DESC, id DESC LIMIT 25',
  });
  return { threads: rows };
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`Raw SQL route is listening on ${address}\n`);

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
