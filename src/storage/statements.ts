import type Database from 'better-sqlite3';

/** SQLite's result codes meaning the file refuses writes: full disk, read-only file, I/O errors. */
const REFUSED = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB|PERM|AUTH)/;

/** The latest write the database refused, cleared by the next write it takes. */
export interface WriteFailure {
  message: string;
  code: string;
  at: number;
}

const failures = new WeakMap<Database.Database, WriteFailure | null>();

/** The write a database last refused, if no write has succeeded since. */
export function lastWriteFailure(db: Database.Database): WriteFailure | null {
  return failures.get(db) ?? null;
}

/** Records the outcome of a write: a storage refusal is kept for the health check, a success clears it. */
function noteWrite(db: Database.Database, err?: unknown): void {
  if (err === undefined) {
    if (failures.get(db)) failures.set(db, null);
    return;
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && REFUSED.test(code)) failures.set(db, { message: err instanceof Error ? err.message : String(err), code, at: Date.now() });
}

/** Prepares each SQL text once per database and reuses the statement. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.get(sql).all(...params) as T[];
  }

  one<T>(sql: string, ...params: unknown[]): T | undefined {
    try {
      return this.get(sql).get(...params) as T | undefined;
    } catch (err) {
      noteWrite(this.db, err);
      throw err;
    }
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    try {
      const result = this.get(sql).run(...params);
      if (!this.db.inTransaction) noteWrite(this.db);
      return result;
    } catch (err) {
      noteWrite(this.db, err);
      throw err;
    }
  }
}

/**
 * A transaction that takes SQLite's write lock as it begins (`BEGIN IMMEDIATE`). A plain
 * (deferred) one starts as a reader and upgrades at its first write; if another connection
 * wrote meanwhile (a second bot process on the same file), the upgrade fails at once with "database is
 * locked" instead of waiting out `busy_timeout`. Its outcome is noted for the health check.
 */
export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn).immediate;
  return (...args: A): R => {
    try {
      const result = tx(...args);
      noteWrite(db);
      return result;
    } catch (err) {
      noteWrite(db, err);
      throw err;
    }
  };
}
