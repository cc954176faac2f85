import type Database from 'better-sqlite3';

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
    return this.get(sql).get(...params) as T | undefined;
  }

  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.get(sql).run(...params);
  }
}

/**
 * A transaction that takes SQLite's write lock as it begins (`BEGIN IMMEDIATE`). A plain
 * (deferred) one starts as a reader and upgrades at its first write; if another connection
 * wrote meanwhile (a second bot process on the same file), the upgrade fails at once with "database is
 * locked" instead of waiting out `busy_timeout`.
 */
export function writeTransaction<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  return db.transaction(fn).immediate;
}
