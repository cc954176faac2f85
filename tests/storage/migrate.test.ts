import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/migrate.js';
import { MIGRATIONS_DIR, openDatabase } from '../../src/storage/open-database.js';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-mig-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  it('apply the shipped schema on a new database with WAL and foreign keys on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-db-'));
    const db = openDatabase(join(dir, 'nested', 'bot.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['channels', 'rounds', 'answers', 'grades', 'grading_jobs', 'users', 'schema_migrations']));
    db.close();
  });

  it('apply each file once, in numeric order, and record it', () => {
    const dir = dirWith({
      '0002_add.sql': 'INSERT INTO t (v) VALUES (2);',
      '0001_init.sql': 'CREATE TABLE t (v INTEGER); INSERT INTO t (v) VALUES (1);',
      'notes.txt': 'ignored',
    });
    const db = new Database(':memory:');
    expect(migrate(db, dir).applied).toEqual(['0001_init.sql', '0002_add.sql']);
    expect(migrate(db, dir).applied).toEqual([]);
    expect(db.prepare('SELECT v FROM t ORDER BY rowid').all()).toEqual([{ v: 1 }, { v: 2 }]);
  });

  it('roll back a failing migration entirely and leave earlier ones applied', () => {
    const dir = dirWith({
      '0001_init.sql': 'CREATE TABLE t (v INTEGER);',
      '0002_broken.sql': 'INSERT INTO t (v) VALUES (1); INSERT INTO missing_table VALUES (1);',
    });
    const db = new Database(':memory:');
    expect(() => migrate(db, dir)).toThrow(/missing_table/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
  });

  it('refuse two files with the same number', () => {
    const dir = dirWith({ '0001_a.sql': 'SELECT 1;', '0001_b.sql': 'SELECT 2;' });
    expect(() => migrate(new Database(':memory:'), dir)).toThrow(/share the number 1/);
  });

  it('ship files numbered without gaps from 0001', async () => {
    const { readdirSync } = await import('node:fs');
    const numbers = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
