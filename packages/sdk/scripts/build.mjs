/**
 * Builds dist/ (or $SDK_OUT_DIR, for tests): an ESM and a CommonJS bundle of src/index.ts, the type
 * declarations for both, and prints the size of the minified client (what a browser or edge bundle
 * pays for it).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { compactDocuments } from './compact-documents.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, process.env.SDK_OUT_DIR ?? 'dist');
/** Compacts the generated documents as they are bundled (see compact-documents.mjs). */
const compactGeneratedDocuments = {
  name: 'compact-generated-documents',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /__generated__[\\/]graphql\.ts$/ }, (args) => ({
      contents: compactDocuments(readFileSync(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};

const common = {
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [compactGeneratedDocuments],
};

rmSync(dist, { recursive: true, force: true });
await build({ ...common, format: 'esm', outfile: `${dist}/esm/index.js` });
await build({ ...common, format: 'cjs', outfile: `${dist}/cjs/index.js` });
// Each folder says what its .js and .d.ts files are, to Node and TypeScript, wherever it is copied.
writeFileSync(`${dist}/esm/package.json`, '{ "type": "module" }\n');
writeFileSync(`${dist}/cjs/package.json`, '{ "type": "commonjs" }\n');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', `${dist}/types`], {
  cwd: root,
  stdio: 'inherit',
});
cpSync(`${dist}/types`, `${dist}/esm`, { recursive: true });
cpSync(`${dist}/types`, `${dist}/cjs`, { recursive: true });
rmSync(`${dist}/types`, { recursive: true });

const minified = await build({ ...common, format: 'esm', minify: true, sourcemap: false, write: false });
const bytes = minified.outputFiles[0].contents;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`@threadline/sdk: minified client ${kib(bytes.length)} (${kib(gzipSync(bytes).length)} gzipped)`);
