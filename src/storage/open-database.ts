import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

/** The migrations shipped with prepbot. */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * The largest the `-wal` file is left at. SQLite checkpoints on its own once the WAL holds 1,000
 * pages (about 4 MB) and then writes it from its start again, but it keeps the file at the largest
 * size it ever reached (a reader holding an old snapshot during a busy round can stretch it);
 * `journal_size_limit` cuts it back to this whenever the WAL starts again.
 */
export const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Opens (creating if needed) the SQLite database with WAL and foreign keys on, and migrates it.
 * `:memory:` gives a private in-memory database, used by tests.
 */
export function openDatabase(path: string, migrationsDir = MIGRATIONS_DIR): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  // First: with other processes on the file (Discord shards, a second bot), a writer waits up to
  // 5 s for the lock instead of failing at once, switching to WAL included.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  migrate(db, migrationsDir);
  // A file that opens but takes no write (read-only, a full disk) is found now, not at the first answer.
  probeWrite(db, Date.now());
  return db;
}

/** Rewrites the health probe's row: throws when the database refuses writes. */
export function probeWrite(db: Database.Database, now: number): void {
  db.prepare('INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at').run(now);
}

/** A database that cannot be opened or written at start, as one sentence naming DATABASE_PATH and the file. */
export class StorageStartError extends Error {
  readonly code = 'storage';
}

const HINTS: [RegExp, string][] = [
  [/^ENOTDIR|^EEXIST/, 'a part of that path is a file, not a folder; set DATABASE_PATH to a file in a folder'],
  [/^EACCES|^EPERM|SQLITE_CANTOPEN|SQLITE_PERM/, 'check that the folder exists and this user may write there'],
  [/SQLITE_READONLY/, 'the file (or its folder) is read-only for this user; make it writable, or set DATABASE_PATH to a writable place'],
  [/SQLITE_FULL|ENOSPC/, 'the disk is full; free some space'],
  [/SQLITE_NOTADB|SQLITE_CORRUPT/, 'the file is not a prepbot database, or it is damaged; restore a backup (npm run backup makes one)'],
];

/** Wraps a failure to open or migrate the database in a {@link StorageStartError}. */
export function storageStartError(err: unknown, path: string): StorageStartError {
  const code = String((err as { code?: unknown }).code ?? '');
  const detail = err instanceof Error ? err.message : String(err);
  const hint = HINTS.find(([re]) => re.test(code) || re.test(detail))?.[1];
  const where = path === ':memory:' ? path : `${path} (${resolve(path)})`;
  return new StorageStartError(`the database at DATABASE_PATH=${where} cannot be used: ${detail}${hint ? `; ${hint}` : ''}.`, { cause: err });
}
