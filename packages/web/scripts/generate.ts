/** Regenerates src/api/__generated__ (run as `npm run web:generate` from the repository root). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GENERATED_DIR, generateFiles } from './codegen.js';

const files = await generateFiles();
await mkdir(GENERATED_DIR, { recursive: true });
for (const [name, content] of files) await writeFile(join(GENERATED_DIR, name), content);
console.log(`Wrote ${[...files.keys()].join(', ')} to ${GENERATED_DIR}`);
