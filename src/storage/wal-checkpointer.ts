import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/ports.js';

/**
 * The worker's whole program, plain JavaScript so it runs the same under tsx, compiled, and in
 * tests: its own connection to the file, a PASSIVE checkpoint every `intervalMs` (it copies what
 * it can and never waits for, or blocks, the bot's reads and writes; with nothing new in the WAL
 * it copies and syncs nothing).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Moves SQLite's WAL checkpoints off the bot's event loop. By default the connection that commits
 * the write crossing 1,000 WAL pages copies them into the database file and syncs it, inside that
 * commit: a stall of milliseconds for whichever member's answer happened to be stored then (the
 * ack benchmark's p99 went from 5.8-5.9 ms to 5.1 ms with them off). Here the bot's connection
 * stops checkpointing and a worker thread with its own connection checkpoints every `intervalMs`.
 * If the worker fails, the bot's connection checkpoints again as before, so the WAL never grows unbounded.
 *
 * The WAL only starts again from its beginning when a checkpoint has copied all of it before the
 * next commit, so under a steady stream of answers a checkpoint a second never caught up: in
 * the ack benchmark the WAL grew to 262-385 MB beside a 9 MB database, and SQLite keeps a WAL
 * file at its largest size. Checkpoints every 100 ms catch up in the gaps between commits (peaks
 * of 19-38 MB), and the bot's connection cuts the file back to `walLimitBytes` whenever the WAL
 * starts again (`journal_size_limit`).
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger,
    intervalMs: number,
    walLimitBytes: number,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { driver, path: db.name, intervalMs } });
    this.worker.unref();
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma(`journal_size_limit = ${Math.floor(walLimitBytes)}`);
    this.worker.on('message', (m: { type: string; message: string }) => this.logger.warn({ reason: m.message }, 'a WAL checkpoint failed; the next one retries'));
    this.worker.on('error', (err) => this.fallBack(err));
    this.worker.on('exit', (code) => {
      if (!this.stopped) this.fallBack(new Error(`the checkpoint worker exited with ${code}`));
    });
  }

  /** Starts checkpointing `db`'s file every `intervalMs` off the event loop; the WAL file is cut back to `walLimitBytes` when it starts again. */
  static start(db: Database.Database, logger: Logger, intervalMs = 100, walLimitBytes = 16 * 1024 * 1024): WalCheckpointer {
    return new WalCheckpointer(db, logger, intervalMs, walLimitBytes);
  }

  /** A last checkpoint, then the worker closes its connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    await Promise.race([exited, new Promise<void>((r) => setTimeout(r, 5_000).unref())]);
  }

  private fallBack(err: Error): void {
    if (this.stopped) return;
    this.stopped = true;
    this.logger.error({ err }, 'the WAL checkpoint worker stopped; the bot checkpoints on its own connection again');
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
