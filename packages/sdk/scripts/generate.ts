/** Regenerates src/__generated__ (run as `npm run sdk:generate` from the repository root). */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATED_DIR, generateFiles } from './codegen.js';

const files = await generateFiles();
await mkdir(GENERATED_DIR, { recursive: true });
// A file codegen no longer produces must not linger.
for (const name of await readdir(GENERATED_DIR)) {
  if (!files.has(name)) await rm(join(GENERATED_DIR, name));
}
for (const [name, content] of files) await writeFile(join(GENERATED_DIR, name), content);
console.log(`Wrote ${[...files.keys()].join(', ')} to ${GENERATED_DIR}`);
