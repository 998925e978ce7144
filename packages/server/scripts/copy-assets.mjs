// Copies what the compiled server reads at run time beside its JavaScript: the SQL migrations and
// the GraphQL schema files (tsc only emits .js).
import { cpSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.sql') || path.endsWith('.graphql'))
      cpSync(path, join(dist, relative(src, path)));
  }
}

walk(src);
