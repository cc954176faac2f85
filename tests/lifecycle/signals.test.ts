import { existsSync, statSync } from 'node:fs';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { startBot, workspace, type BotProcess } from './bot-process.js';
import { heldLlm } from './held-llm.js';

const running: BotProcess[] = [];
function start(...args: Parameters<typeof startBot>): BotProcess {
  const p = startBot(...args);
  running.push(p);
  return p;
}
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
});

const BANNER = /prepbot console/;

describe('stopping the real process with a signal', () => {
  it('exits 0 on SIGTERM and leaves a closed, checkpointed database', async () => {
    const ws = workspace();
    const bot = start(ws);
    await bot.waitFor(BANNER);
    bot.line('/daily');
    await bot.waitFor(/\[#main\][\s\S]*How does attention work\?/);
    bot.line('/answer Each token forms a query, compares it with the keys, uses a softmax and sums the values.');
    await bot.waitFor(/Score: \d+\/10/);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toEqual({ code: 0, signal: null });
    expect(bot.stderr()).not.toMatch(/Error|stopped:/);

    // WAL folded into the file at close: nothing left in a -wal file.
    expect(!existsSync(`${ws.db}-wal`) || statSync(`${ws.db}-wal`).size === 0).toBe(true);
    const store = SqliteStore.open(ws.db);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM rounds').get()).toEqual({ n: 1 });
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM grading_jobs WHERE status = 'done'").get()).toEqual({ n: 1 });
    store.close();
  });

  it('on SIGTERM during grading, lets the grade reach its user, ignores a second SIGTERM, and exits 0', async () => {
    const ws = workspace();
    const llm = await heldLlm();
    try {
      const bot = start(ws, { GRADER: 'llm', OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key' });
      await bot.waitFor(BANNER);
      bot.line('/daily');
      bot.line('/answer Each token forms a query, compares it with the keys, uses a softmax and sums the values.');
      await bot.waitFor(/Answer saved/);
      await vi.waitFor(() => expect(llm.held()).toBeGreaterThan(0), { timeout: 15_000 });

      bot.child.kill('SIGTERM');
      await bot.waitFor(/"msg":"shutting down"/, { stream: 'stderr' });
      bot.child.kill('SIGTERM');
      await bot.waitFor(/"msg":"already shutting down"/, { stream: 'stderr' });
      expect(bot.stdout()).not.toMatch(/Score:/);
      llm.release(); // the LLM call fails; the offline grader grades within the grace period

      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stdout()).toMatch(/\[to you\] Score: \d+\/10/);
      const store = SqliteStore.open(ws.db);
      expect(store.db.prepare("SELECT status FROM grading_jobs").all()).toEqual([{ status: 'done' }]);
      store.close();
    } finally {
      await llm.close();
    }
  });

  it('exits 0 on SIGINT; a post missed while down is made at the next start, and only once', async () => {
    const ws = workspace();
    // A zone where it is neither just after nor just before midnight, with a slot 30 minutes ago.
    const zone = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata'].find((z) => {
      const h = DateTime.now().setZone(z).hour;
      return h >= 2 && h <= 21;
    })!;
    const slot = DateTime.now().setZone(zone).minus({ minutes: 30 }).toFormat('HH:mm');
    const seed = SqliteStore.open(ws.db);
    seed.channels.ensureChannel({ platform: 'console', scopeId: 'console', channelId: 'console:main' }, { timezone: zone });
    seed.channels.updateChannel('console:main', { postTime: slot, days: 'daily', timezone: zone, scheduleSetAt: Date.now() - 86_400_000 });
    seed.close();

    const first = start(ws);
    await first.waitFor(/How does attention work\?/); // the catch-up post, right after the banner
    first.child.kill('SIGINT');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const second = start(ws);
    await second.waitFor(BANNER);
    second.line('/help');
    await second.waitFor(/leaderboard/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.stdout()).not.toMatch(/How does attention work\?/);
    const store = SqliteStore.open(ws.db);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM rounds').get()).toEqual({ n: 1 });
    store.close();
  });
});
