/** Printing: one aligned row per measurement, then its targets and anything that went wrong. */
import type { LoadResult } from './load.js';

const LABEL_WIDTH = 46;

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** autocannon records latencies in whole milliseconds, so 0 means under 1 ms. */
function ms(value: number): string {
  return value < 1 ? '<1 ms' : `${integer.format(value)} ms`;
}

/** Prints a line as it is. */
export function printLine(line = ''): void {
  write(line);
}

/** Prints the column headings that printRow's figures sit under. */
export function printColumns(): void {
  write(
    `${''.padEnd(LABEL_WIDTH)}${'req/s'.padStart(9)}${'p50'.padStart(10)}${'p99'.padStart(10)}` +
      `${'responses'.padStart(11)}${'errors'.padStart(8)}`,
  );
}

/** Prints one measurement, and under it the breakdown of its errors when there were any. */
export function printRow(label: string, result: LoadResult): void {
  write(
    `${label.padEnd(LABEL_WIDTH)}${integer.format(result.reqPerSec).padStart(9)}` +
      `${ms(result.p50Ms).padStart(10)}${ms(result.p99Ms).padStart(10)}` +
      `${integer.format(result.responses).padStart(11)}${integer.format(result.errors).padStart(8)}`,
  );
  if (result.errors === 0) return;
  const statuses = Object.entries(result.non2xxByStatus)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  write(
    `    errors: ${result.socketErrors} socket errors or timeouts, ${result.non2xx} non-2xx` +
      `${statuses ? ` (${statuses})` : ''}, ${result.failedBodies} 2xx with a GraphQL error`,
  );
  if (result.firstFailure) write(`    first failure: ${result.firstFailure}`);
}

/** Prints a target beside the figure it judges. A missed target is reported, never an exit code. */
export function printTarget(description: string, isMet: boolean): void {
  write(`    target ${description}: ${isMet ? 'PASS' : 'BELOW'}`);
}

/** Prints what a server wrote at warn level and above while under load, which is never expected. */
export function printServerLogs(label: string, lines: string[], count: number): void {
  if (count === 0) return;
  write(`    ${label} server wrote ${count} warning/error/stderr lines; the first:`);
  for (const line of lines) write(`      ${line}`);
}
