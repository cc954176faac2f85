import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { WalCheckpointer } from '../../src/storage/wal-checkpointer.js';
import { MemoryLogger } from '../fakes/silent-logger.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileWithWrites() {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-wal-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  const store = SqliteStore.open(file);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const write = (n: number) => {
    for (let i = 0; i < n; i++) store.upsertUser(`discord:u${i}`, `member number ${i} with a long enough display name`);
  };
  return { file, store, write };
}

it('copies committed pages into the database file from beside the event loop, while the bot connection never checkpoints', async () => {
  const { file, store, write } = fileWithWrites();
  const logger = new MemoryLogger();
  const checkpointer = WalCheckpointer.start(store.db, logger, 50);
  expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const before = statSync(file).size;
  write(3_000);
  // The writes sit in the WAL until a checkpoint copies them; only the worker does that now.
  await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 100_000), { timeout: 5_000, interval: 20 });
  await checkpointer.stop();
  expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  store.close();
});

it('cuts the WAL file back to its limit once the checkpoints catch up with a burst of writes, instead of keeping it at its largest', async () => {
  const { file, store, write } = fileWithWrites();
  const limit = 256 * 1024;
  const checkpointer = WalCheckpointer.start(store.db, new MemoryLogger(), 20, limit);
  write(3_000);
  const wal = () => statSync(`${file}-wal`).size;
  const peak = wal();
  expect(peak).toBeGreaterThan(4 * limit);
  // A member now and then: the checkpoints catch up between two writes, and the next write starts the WAL again.
  let n = 0;
  await vi.waitFor(
    () => {
      store.upsertUser(`discord:late${n++}`, 'a member who answers later');
      expect(wal()).toBeLessThanOrEqual(limit);
    },
    { timeout: 5_000, interval: 30 },
  );
  expect(store.db.pragma('journal_size_limit', { simple: true })).toBe(limit);
  await checkpointer.stop();
  store.close();
});

it('without it, a connection with automatic checkpoints off leaves everything in the WAL (what the test above rules out)', async () => {
  const { file, store, write } = fileWithWrites();
  store.db.pragma('wal_autocheckpoint = 0');
  const before = statSync(file).size;
  write(3_000);
  await new Promise((r) => setTimeout(r, 200));
  expect(statSync(file).size).toBe(before);
  store.close();
});
