import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { writeTransaction } from './statements.js';

const FILE = /^(\d{4})_[\w-]+\.sql$/;

export interface MigrationResult {
  applied: string[];
  current: number;
}

/**
 * Applies the numbered plain-SQL files of `dir` that this database has not seen, in order, each in
 * its own immediate transaction, and records them in `schema_migrations`. An applied file is never
 * run again; a gap or a duplicate number is refused.
 */
export function migrate(db: Database.Database, dir: string): MigrationResult {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const files = readdirSync(dir)
    .filter((f) => FILE.test(f))
    .sort();
  const seen = new Set<number>();
  for (const f of files) {
    const v = Number(FILE.exec(f)![1]);
    if (seen.has(v)) throw new Error(`Two migrations share the number ${v} in ${dir}.`);
    seen.add(v);
  }
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const f of files) {
    const version = Number(FILE.exec(f)![1]);
    if (done.has(version)) continue;
    const sql = readFileSync(join(dir, f), 'utf8');
    const ran = writeTransaction(db, () => {
      // Another process starting on the same file may have applied it since `done` was read.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(version)) return false;
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, f, Date.now());
      return true;
    })();
    if (ran) applied.push(f);
  }
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return { applied, current: row.v ?? 0 };
}
