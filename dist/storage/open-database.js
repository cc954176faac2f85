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
export function openDatabase(path, migrationsDir = MIGRATIONS_DIR) {
    if (path !== ':memory:')
        mkdirSync(dirname(resolve(path)), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
    migrate(db, migrationsDir);
    return db;
}
