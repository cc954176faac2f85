import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { loadContentOrThrow } from '../../src/content/index.js';
import { systemClock } from '../../src/core-options.js';
import { Bot } from '../../src/core/bot.js';
import { DEFAULT_OPTIONS } from '../../src/core/context.js';
import { GradingProcess } from '../../src/grading-process/grading-process.js';
import { OfflineGrader } from '../../src/grading/offline-grader.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { actor, PLACE } from '../fakes/harness.js';
import { RecordingChat } from '../fakes/recording-chat.js';
import { MemoryLogger } from '../fakes/silent-logger.js';

const dirs: string[] = [];
const running: { bot: Bot; store: SqliteStore }[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    r.bot.worker.stop();
    await r.bot.worker.settle(5_000);
    r.store.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A bot whose grading runs in a real grading process, on a SQLite file, with the shipped content and the offline grader. */
function setup(o: { idleExitMs?: number; before?: (store: SqliteStore) => void } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-gp-'));
  dirs.push(dir);
  const file = join(dir, 'bot.sqlite');
  const config = loadConfig({ DATABASE_PATH: file, CONTENT_DIR: 'content', GRADER: 'offline', LOG_LEVEL: 'warn' });
  const store = SqliteStore.open(file);
  o.before?.(store);
  const chat = new RecordingChat();
  const logger = new MemoryLogger();
  let grading: GradingProcess | null = null;
  const bot = new Bot(
    { store, content: loadContentOrThrow('content'), grader: new OfflineGrader(), clock: systemClock, chat, logger, options: { ...DEFAULT_OPTIONS, adminUserIds: ['root'] } },
    () => (grading = new GradingProcess({ config, chat, store, logger, idleExitMs: o.idleExitMs })),
  );
  running.push({ bot, store });
  const admin = { ...actor('admin'), platformId: 'root' };
  return {
    bot,
    store,
    chat,
    logger,
    grading: () => grading!,
    daily: () => bot.handle({ type: 'command', place: PLACE, actor: admin, verb: 'daily', args: '' }),
    answer: (who: string, text: string) => bot.handle({ type: 'answer', place: PLACE, actor: actor(who), text }),
  };
}

async function until(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const logged = (logger: MemoryLogger, msg: string) => logger.entries.some((e) => e.msg === msg);

describe('grading in a process of its own', () => {
  it('grades an answer in another process and delivers the score through the bot', async () => {
    const t = setup();
    t.bot.start();
    expect(t.grading().pid).toBeNull();
    await t.daily();
    const [ack] = await t.answer('ann', 'Attention lets each token weigh every other token with softmax scores of queries against keys.');
    expect(ack?.kind).toBe('ack');

    await until('the grade reply', () => t.chat.of('grade').length === 1);
    const pid = t.grading().pid;
    expect(pid).not.toBeNull();
    expect(pid).not.toBe(process.pid);
    const { reply, target } = t.chat.of('grade')[0]!;
    expect(target.userId).toBe(actor('ann').id);
    const stored = t.store.getGrade(reply.answerId);
    expect(stored?.grader).toBe('offline');
    expect(stored?.score).toBe(reply.score);
    expect(t.store.pendingJobCount()).toBe(0);
  });

  it('starts only when there is work, leaves after a quiet spell, and comes back for the next answer', async () => {
    const t = setup({ idleExitMs: 300 });
    t.bot.start();
    await t.daily();
    await t.answer('ann', 'Queries are compared with keys; the softmax of the scores weights the values.');
    await until('the first grade', () => t.chat.of('grade').length === 1);
    await until('the quiet exit', () => logged(t.logger, 'grading process exited after a quiet spell') && t.grading().pid === null);

    await t.answer('bob', 'Each token attends to every other token through scaled dot products.');
    await until('the second grade', () => t.chat.of('grade').length === 2);
    expect(t.logger.entries.filter((e) => e.msg === 'grading process started')).toHaveLength(2);
  });

  it('resumes the jobs a crash left running when the bot starts', async () => {
    let answerId = 0;
    const t = setup({
      before: (store) => {
        const channel = store.ensureChannel(PLACE, { timezone: 'UTC' });
        store.upsertUser(actor('ann').id, 'ann');
        const { answer } = store.insertAnswer({
          userId: actor('ann').id,
          scopeId: PLACE.scopeId,
          channelId: channel.channelId,
          questionId: 'llm-transformer-architecture',
          roundId: null,
          kind: 'practice',
          hinted: false,
          text: 'Softmax over query-key scores weights the values.',
          normHash: 'h1',
          createdAt: Date.now(),
          replyRoute: null,
          practiceId: null,
          localDate: '2026-11-26',
          weekKey: '2026-W48',
          monthKey: '2026-11',
        });
        answerId = answer.id;
        // The crash: the job was claimed, and never finished.
        expect(store.claimNextJob(Date.now())?.answerId).toBe(answerId);
      },
    });
    t.bot.start();
    await until('the resumed grade', () => t.chat.of('grade').some((s) => s.reply.answerId === answerId));
    expect(t.store.getGrade(answerId)?.grader).toBe('offline');
  });

  it('restarts a grading process that died, and loses no answer', async () => {
    const t = setup();
    t.bot.start();
    await t.daily();
    await t.answer('ann', 'Attention weights values by the softmax of query-key scores.');
    await until('the first grade', () => t.chat.of('grade').length === 1);
    const first = t.grading().pid!;
    process.kill(first, 'SIGKILL');
    await until('the crash to be noticed', () => logged(t.logger, 'the grading process died; its unfinished jobs resume when it restarts'));

    await t.answer('bob', 'Scaled dot products between queries and keys, then a softmax, then a weighted sum of values.');
    await until('the second grade', () => t.chat.of('grade').length === 2);
    expect(t.grading().pid).not.toBe(first);
  });

  it('stops with the bot: in-flight grading finishes and the process exits', async () => {
    const t = setup();
    t.bot.start();
    await t.daily();
    await t.answer('ann', 'Attention compares queries with keys.');
    await until('the process', () => t.grading().pid !== null);
    const pid = t.grading().pid!;
    t.bot.worker.stop();
    expect(await t.bot.worker.settle(5_000)).toBe(true);
    expect(t.grading().pid).toBeNull();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(t.store.pendingJobCount()).toBe(0);
  });
});
