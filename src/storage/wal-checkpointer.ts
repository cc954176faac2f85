import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/ports.js';

/** The worker's program beside this file: `.js` when compiled, `.ts` when run from source (through tsx). */
const WORKER = new URL(`./wal-checkpoint-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Moves SQLite's WAL checkpoints off the bot's event loop. By default the connection whose commit
 * takes the WAL past 1,000 pages copies them into the database file and syncs it inside that
 * commit: a stall for whichever member's answer was being stored, as long as the disk takes to
 * sync. Here the bot's connection stops checkpointing and a worker thread with its own connection
 * checkpoints every `intervalMs`, often enough to catch up between commits so the WAL starts
 * again from its beginning (the bot's connection then cuts the file back, `journal_size_limit`).
 * If the worker fails, the bot's connection checkpoints again as before.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly logger: Logger,
    intervalMs: number,
  ) {
    const fromSource = WORKER.pathname.endsWith('.ts');
    this.worker = new Worker(WORKER, { workerData: { path: db.name, intervalMs }, execArgv: fromSource ? ['--import', 'tsx'] : [] });
    this.worker.unref();
    this.db.pragma('wal_autocheckpoint = 0');
    this.worker.on('message', (m: { message: string }) => this.logger.warn({ reason: m.message }, 'a WAL checkpoint failed; the next one retries'));
    this.worker.on('error', (err) => this.fallBack(err));
    this.worker.on('exit', (code) => {
      if (!this.stopped) this.fallBack(new Error(`the checkpoint worker exited with ${code}`));
    });
  }

  /** Starts checkpointing `db`'s file every `intervalMs` off the event loop. */
  static start(db: Database.Database, logger: Logger, intervalMs = 100): WalCheckpointer {
    return new WalCheckpointer(db, logger, intervalMs);
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
