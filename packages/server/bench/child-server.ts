/**
 * Servers under load run in child processes, so that autocannon (in the bench's own process) never
 * shares an event loop with them and each side gets one of the machine's cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: `--import tsx` resolves from the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** How long a server may take to start; a new PGlite data directory alone takes ~4 s. */
const START_TIMEOUT_MS = 60_000;
/** Log lines kept for the report; the rest are only counted. */
const KEPT_LOG_LINES = 5;

/** A server running in a child process. */
export interface ChildServer {
  /** Its base URL, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Its process id (to read its memory). */
  pid: number;
  /** Log lines (warn and above) and stderr it wrote, the first few of them. */
  logLines: string[];
  /** How many such lines it wrote in all. */
  logLineCount(): number;
  /** Asks it to shut down (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <entry>` from the repository root with `env` added, and waits for the
 * line "... listening on <url>" that both Threadline's main.ts and bare-server.ts print.
 */
export function startChildServer(entry: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  let logCount = 0;
  const keep = (line: string) => {
    logCount++;
    if (logLines.length < KEPT_LOG_LINES) logLines.push(line.slice(0, 500));
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${entry} did not start within ${START_TIMEOUT_MS / 1000} s.\n${logLines.join('\n')}`),
      );
    }, START_TIMEOUT_MS);
    const onEarlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before listening.\n${logLines.join('\n')}`));
    };
    child.once('exit', onEarlyExit);

    onLines(child.stderr!, keep);
    onLines(child.stdout!, (line) => {
      const ready = /listening on (http:\/\/\S+)/.exec(line);
      if (ready?.[1]) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve({
          url: ready[1],
          pid: child.pid!,
          logLines,
          logLineCount: () => logCount,
          stop: () => stopChild(child),
        });
      } else if (line.startsWith('{')) {
        // Pino's JSON lines: at LOG_LEVEL=warn, every one of them is worth reporting.
        keep(line);
      }
    });
  });
}

function onLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A server that does not close in time is killed, so the bench never hangs on it.
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
