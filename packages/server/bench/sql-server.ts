/**
 * The raw-SQL ceiling: a bare Fastify route that reads one page of 25 threads with one parameterised
 * statement through `pg` from the database DATABASE_URL names: what the database and the driver
 * allow before any GraphQL or Threadline code. Run as a child process, as the others are.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The workspace's newest threads, as Threadline's default list reads them (its index on workspace and
// creation time).
const { rows: workspaces } = await pool.query('SELECT id FROM workspaces ORDER BY id LIMIT 1');
const workspaceId = workspaces[0]?.id as string;
const app = Fastify({ logger: false });
app.get('/', async () => {
  const { rows } = await pool.query({
    name: 'page',
    text: `SELECT id, title, status, priority, created_at FROM threads WHERE workspace_id = $1
      ORDER BY created_at DESC, id DESC LIMIT 25`,
    values: [workspaceId],
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
