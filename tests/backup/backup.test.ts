import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { backupDatabase, BackupError } from '../../src/backup/backup.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';

const ROOT = resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const PLACE = { platform: 'console' as const, scopeId: 'console', channelId: 'console:main' };

function liveDatabase(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-backup-'));
  const db = join(dir, 'data', 'bot.sqlite');
  const store = SqliteStore.open(db);
  store.channels.ensureChannel(PLACE, { timezone: 'UTC' });
  store.close();
  return { dir, db };
}

/**
 * Another process writing as fast as it can: each transaction adds a user and bumps the channel's
 * cycle, so a consistent copy has exactly cycle - 1 users.
 */
function startWriter(db: string) {
  const code = `
    import Database from 'better-sqlite3';
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 5000');
    const add = db.transaction((i) => {
      db.prepare('INSERT INTO users (id, name) VALUES (?, ?)').run('console:u' + i, 'u' + i);
      db.prepare("UPDATE channels SET cycle = cycle + 1 WHERE id = 'console:main'").run();
    });
    let i = 0;
    process.on('SIGTERM', () => { db.close(); process.exit(0); });
    const loop = () => { for (let k = 0; k < 20; k += 1) add(i++); setImmediate(loop); };
    loop();`;
  return spawn(process.execPath, ['--input-type=module', '-e', code, db], { cwd: ROOT, stdio: 'ignore' });
}

function consistency(file: string): { users: number; cycle: number; check: unknown } {
  const db = new Database(file, { readonly: true });
  const users = (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  const cycle = (db.prepare("SELECT cycle FROM channels WHERE id = 'console:main'").get() as { cycle: number }).cycle;
  const check = db.pragma('integrity_check', { simple: true });
  db.close();
  return { users, cycle, check };
}

describe('online backup', () => {
  it('copies a consistent database while another process writes to it', async () => {
    const { dir, db } = liveDatabase();
    const writer = startWriter(db);
    try {
      const reader = new Database(db, { readonly: true });
      await vi.waitFor(() => expect((reader.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n).toBeGreaterThanOrEqual(200), { timeout: 15_000 });
      reader.close();
      const copies: ReturnType<typeof consistency>[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await backupDatabase(db, join(dir, `copy-${i}.sqlite`));
        expect(r.pages).toBeGreaterThan(0);
        expect(existsSync(`${r.target}-wal`)).toBe(false);
        copies.push(consistency(r.target));
      }
      for (const c of copies) {
        expect(c.check).toBe('ok');
        expect(c.users).toBeGreaterThanOrEqual(200);
        expect(c.users).toBe(c.cycle - 1);
      }
    } finally {
      writer.kill('SIGTERM');
      await new Promise((r) => writer.once('exit', r));
    }
  });

  it('restores by copying the file back, with the rows it had', async () => {
    const { dir, db } = liveDatabase();
    const store = SqliteStore.open(db);
    store.channels.upsertUser('console:alice', 'alice');
    const { target } = await backupDatabase(db, join(dir, 'backup.sqlite'));
    store.channels.upsertUser('console:bob', 'bob'); // after the backup: gone once restored
    store.close();

    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    copyFileSync(target, db);
    const restored = SqliteStore.open(db);
    expect(restored.channels.getUser('console:alice')?.name).toBe('alice');
    expect(restored.channels.getUser('console:bob')).toBeNull();
    expect(restored.db.pragma('journal_mode', { simple: true })).toBe('wal');
    restored.close();
  });

  it('refuses to overwrite a file, or to read a database that does not exist', async () => {
    const { dir, db } = liveDatabase();
    const target = join(dir, 'taken.sqlite');
    writeFileSync(target, 'precious');
    await expect(backupDatabase(db, target)).rejects.toMatchObject({ code: 'target_exists' });
    await expect(backupDatabase(join(dir, 'missing.sqlite'), join(dir, 'x.sqlite'))).rejects.toBeInstanceOf(BackupError);
    await expect(backupDatabase(db, db)).rejects.toMatchObject({ code: 'same_file' });
    const forced = await backupDatabase(db, target, { force: true });
    expect(consistency(forced.target).check).toBe('ok');
  });
});

describe('npm run backup', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    exec(process.execPath, ['--import', 'tsx', 'src/backup/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('writes the backup named on the command line and says how big it is', async () => {
    const { dir, db } = liveDatabase();
    const target = join(dir, 'nightly.sqlite');
    const r = await exec('npm', ['run', '-s', 'backup', '--', target], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: db } });
    expect(r.stdout).toMatch(/^Backed up .*bot\.sqlite to .*nightly\.sqlite: \d+ pages, \d+ bytes\.$/m);
    expect(consistency(target).check).toBe('ok');
  });

  it('answers mistakes with a sentence and exit code 1', async () => {
    const { dir, db } = liveDatabase();
    const taken = join(dir, 'taken.sqlite');
    writeFileSync(taken, '');
    const exists = await cli([taken], { DATABASE_PATH: db });
    expect(exists).toMatchObject({ code: 1 });
    expect(exists.stderr).toMatch(/already exists; .* --force/);
    const forced = await cli([taken, '--force'], { DATABASE_PATH: db });
    expect(forced).toMatchObject({ code: 0 });
    const missing = await cli([join(dir, 'b.sqlite')], { DATABASE_PATH: join(dir, 'nothing-here.sqlite') });
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(/There is no database at .*nothing-here\.sqlite\. Set DATABASE_PATH/);
    const none = await cli([], { DATABASE_PATH: db });
    expect(none).toMatchObject({ code: 1 });
    expect(none.stderr).toMatch(/Say where to write the backup[\s\S]*Usage: npm run backup -- FILE/);
    for (const r of [exists, forced, missing, none]) expect(r.stderr).not.toMatch(/\n\s+at /); // no stack traces
  });
});
