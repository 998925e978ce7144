import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/** The budget for the JavaScript a first visit loads, gzipped. */
const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

describe('the web app build', () => {
  it('loads under 300 KB of JavaScript gzipped on a first visit', async () => {
    const dir = inject('webDir');
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    // What the page loads before it can show anything: its entry script and the modules it preloads.
    const scripts = [
      ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+)"/g),
    ];
    expect(scripts.length).toBeGreaterThan(0);
    let gzipped = 0;
    for (const [, src] of scripts) gzipped += gzipSync(await readFile(join(dir, src!))).length;
    console.log(
      `web app first load: ${(gzipped / 1024).toFixed(1)} KiB of JavaScript gzipped (budget 300 KiB)`,
    );
    expect(gzipped).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
  });
});
