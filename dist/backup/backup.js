import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
/** A backup that cannot be made, with a sentence for the operator. */
export class BackupError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
    }
}
/**
 * Writes a consistent copy of the live database to `target` with SQLite's online backup API, so
 * the bot keeps running (and writing) meanwhile; the copy is one self-contained file (no -wal)
 * that passes `quick_check`. Refuses to overwrite `target` unless `force`.
 */
export async function backupDatabase(source, target, opts = {}) {
    const from = resolve(source);
    const to = resolve(target);
    if (!existsSync(from)) {
        throw new BackupError('no_database', `There is no database at ${from}. Set DATABASE_PATH to the bot's database file (the bot creates it on its first start).`);
    }
    if (from === to)
        throw new BackupError('same_file', 'The backup file is the database itself; choose another path.');
    if (existsSync(to)) {
        if (!opts.force)
            throw new BackupError('target_exists', `${to} already exists; choose a new file name, or pass --force to overwrite it.`);
        for (const f of [to, `${to}-wal`, `${to}-shm`, `${to}-journal`])
            rmSync(f, { force: true });
    }
    mkdirSync(dirname(to), { recursive: true });
    const db = new Database(from, { readonly: true, fileMustExist: true });
    try {
        db.pragma('busy_timeout = 5000');
        // All pages in one step: a consistent snapshot that concurrent writers cannot restart.
        await db.backup(to, { progress: () => 0x7fffffff });
    }
    catch (err) {
        throw new BackupError('failed', `The backup failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    finally {
        db.close();
    }
    const copy = new Database(to, { fileMustExist: true });
    try {
        // A rollback journal makes the copy a single file, and a restored copy is switched back to WAL on start.
        copy.pragma('journal_mode = DELETE');
        const check = copy.pragma('quick_check', { simple: true });
        if (check !== 'ok')
            throw new BackupError('failed', `The backup at ${to} does not pass SQLite's quick_check (${String(check)}).`);
        const pages = copy.pragma('page_count', { simple: true });
        copy.close();
        return { source: from, target: to, bytes: statSync(to).size, pages };
    }
    finally {
        if (copy.open)
            copy.close();
    }
}
