import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { WAL_LIMIT_BYTES } from '../../src/storage/open-database.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-wal-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  const store = SqliteStore.open(file);
  let n = 0;
  const write = (count: number) => {
    for (let i = 0; i < count; i++, n++) store.channels.upsertUser(`discord:u${n}`, `member number ${n} with a long enough display name`);
  };
  return { file, store, write, wal: () => statSync(`${file}-wal`).size };
}

it('copies a steady stream of writes into the database file, so the WAL stays small', () => {
  const { file, store, write, wal } = fileStore();
  const before = statSync(file).size;
  write(5_000);
  expect(statSync(file).size).toBeGreaterThan(before + 100_000);
  expect(wal()).toBeLessThanOrEqual(WAL_LIMIT_BYTES);
  store.close();
});

it('cuts the WAL file back under its limit once a reader that held it open is done, instead of keeping its peak size', () => {
  const { file, store, write, wal } = fileStore();
  // A reader in the middle of a transaction keeps every later commit in the WAL.
  const reader = new Database(file, { readonly: true });
  reader.exec('BEGIN');
  reader.prepare('SELECT COUNT(*) FROM users').get();
  write(6_000);
  expect(wal()).toBeGreaterThan(WAL_LIMIT_BYTES);
  reader.exec('COMMIT');
  reader.close();
  // The next commits checkpoint, start the WAL again and truncate the file.
  write(3_000);
  expect(wal()).toBeLessThanOrEqual(WAL_LIMIT_BYTES);
  store.close();
});
