import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SqliteStore } from '../../src/storage/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Another process that takes the database's write lock, writes, and holds the lock for `holdMs` before committing. */
function otherWriter(file: string, holdMs: number): Promise<{ done: Promise<number | null> }> {
  const script = `
    const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO users (id, name) VALUES ('slack:T1:U9', 'other process')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((r) => child.once('exit', r));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (String(d).includes('locked')) resolve({ done });
    });
    child.once('exit', (code) => reject(new Error(`the other writer exited (${code}) before taking the lock`)));
  });
}

it('a grade is stored while another process holds the write lock, once that process commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-locks-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  const store = SqliteStore.open(file);
  const place = { platform: 'discord' as const, scopeId: 'discord:g1', channelId: 'discord:g1:c1' };
  store.channels.ensureChannel(place, { timezone: 'UTC' });
  store.channels.upsertUser('discord:u1', 'u1');
  const { jobId } = store.answers.insertAnswer({
    userId: 'discord:u1', scopeId: place.scopeId, channelId: place.channelId, questionId: 'q1', roundId: null,
    kind: 'practice', hinted: false, text: 'an answer', normHash: 'h', createdAt: 1000, replyRoute: null,
    practiceId: null, localDate: '2026-11-23', weekKey: 'W2026-48', monthKey: 'M2026-11',
  });

  const other = await otherWriter(file, 400);
  // Completing reads the job, then writes. Begun as a reader, the transaction could not upgrade
  // once the other process had committed ("database is locked" at once); begun as a writer, it
  // waits for the lock (busy_timeout) and then sees the other process's write.
  const stored = store.answers.completeJob(jobId, { score: 7, covered: ['a'], missed: [], feedback: 'f', grader: 'offline', flags: [] }, 7, 2000);
  expect(stored).toMatchObject({ score: 7, points: 7 });
  expect(await other.done).toBe(0);
  expect(store.channels.getUser('slack:T1:U9')?.name).toBe('other process');
  store.close();
});
