/**
 * Measured servers run in their own process, so the load driver and the stand-ins (in the bench
 * process) do not share an event loop with them: on a 2-core machine the server gets a core to
 * itself, and what is measured is the server. The child's logs go to a file under bench/.work/logs
 * (not through a pipe the bench would have to read), and its memory is read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Child {
  proc: ChildProcess;
  pid: number;
  logFile: string;
  /** The log so far. */
  log(): string;
  /** Resolves with the first log line matching `pattern`; rejects if the child exits or `timeoutMs` passes. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resident set size now, MB (VmRSS), or NaN once exited. */
  rssMb(): number;
  /** Peak resident set size so far, MB (VmHWM). */
  peakRssMb(): number;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Children still running; killed if the bench itself dies, so no server outlives a failed run. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

const PLATFORM_ENV = /^(DISCORD_|SLACK_|OPENAI_|GRADER|ADMIN_USER_IDS|DATABASE_PATH|CONTENT_DIR|PORT$|LOG_LEVEL)/;

/** Starts `node [nodeFlags] <script.js>` (or `--import tsx <script.ts>`) with only `env` on top of a clean environment. */
export function startChild(script: string, env: Record<string, string>, logDir: string, name: string, nodeFlags: string[] = []): Child {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PLATFORM_ENV.test(k)));
  // BENCH_PROF=<name>,... writes a CPU profile of those children to bench/.work/prof (for `--cpu-prof` analysis).
  const prof = (process.env.BENCH_PROF ?? '').split(',').includes(name) ? ['--cpu-prof', '--cpu-prof-dir', join(logDir, '..', 'prof')] : [];
  // Compiled scripts run on plain node (as the Docker image runs prepbot); TypeScript through tsx.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...prof, ...extraFlags(name), ...nodeFlags, ...loader, script], {
    env: { ...clean, ...env },
    stdio: ['pipe', fd, fd],
  });
  closeSync(fd);
  live.add(proc);
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      live.delete(proc);
      resolve(code);
    }),
  );
  const log = () => readFileSync(logFile, 'utf8');
  const status = (field: string): number => {
    try {
      const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  };
  return {
    proc,
    pid: proc.pid!,
    logFile,
    log,
    exited,
    rssMb: () => status('VmRSS'),
    peakRssMb: () => status('VmHWM'),
    waitForLog(pattern, timeoutMs = 60_000) {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = log().split('\n').find((l) => pattern.test(l));
          if (line) return resolve(line);
          if (proc.exitCode !== null) return reject(new Error(`${name} exited (${proc.exitCode}) before ${pattern}; see ${logFile}`));
          if (Date.now() - started > timeoutMs) return reject(new Error(`${name}: no ${pattern} after ${timeoutMs} ms; see ${logFile}`));
          setTimeout(check, 25);
        };
        check();
      });
    },
    async stop(graceMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * BENCH_NODE_FLAGS='<child name>=<flags>;...' adds node flags to those children, for a look
 * inside a run (e.g. `ack=--trace-gc`); the figures of such a run are not the benchmark's.
 */
function extraFlags(name: string): string[] {
  for (const part of (process.env.BENCH_NODE_FLAGS ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim().split(/\s+/).filter(Boolean);
  }
  return [];
}

/** The port a JSON log line carries (`{"port":1234,...}`). */
export function portOf(line: string): number {
  const port = (JSON.parse(line) as { port?: unknown }).port;
  if (typeof port !== 'number') throw new Error(`no port in ${line}`);
  return port;
}
