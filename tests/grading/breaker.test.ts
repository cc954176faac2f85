/**
 * A model server that accepts connections and never answers: the whole bot (App, SQLite file, the
 * real `openai` client against the local stand-in), with time moved through the Clock, so the
 * 45-second deadline and the 5-minute cool-down pass in milliseconds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlatformAdapter } from '../../src/adapters/platform-adapter.js';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ContentLibrary } from '../../src/content/index.js';
import type { Place } from '../../src/core/model.js';
import type { GradeReply } from '../../src/core/replies.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { RecordingChat } from '../fakes/recording-chat.js';
import { MemoryLogger } from '../fakes/silent-logger.js';
import { OpenAiStandIn } from '../stand-ins/openai-server.js';
import { ATTENTION, HONEST } from './attack-corpus.js';

const PLACE: Place = { platform: 'console', scopeId: 'console', channelId: 'console:main' };
const who = (name: string) => ({ id: `console:${name}`, platformId: name, name });
const GOOD = HONEST.find((h) => h.name === 'good answer')!.text;

class RecordingAdapter implements PlatformAdapter {
  readonly platform = 'console' as const;
  constructor(readonly chat: RecordingChat) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

let standIn: OpenAiStandIn;
let app: App | null = null;
beforeAll(async () => {
  standIn = await OpenAiStandIn.start();
});
afterAll(async () => {
  await standIn.close();
});
afterEach(async () => {
  standIn.release();
  if (app?.store.db.open) await app.stop(1_000);
  app = null;
  standIn.requests.length = 0;
  standIn.mode = { kind: 'judge' };
});

function start(env: Record<string, string> = {}) {
  const clock = FakeClock.at('2026-11-23T09:00:00Z');
  const chat = new RecordingChat();
  const file = join(mkdtempSync(join(tmpdir(), 'prepbot-breaker-')), 'bot.sqlite');
  const config = loadConfig({ DATABASE_PATH: file, OPENAI_BASE_URL: standIn.baseURL, OPENAI_API_KEY: 'sk-test', GRADER_MODEL: 'test-model', ...env });
  app = new App(config, new MemoryLogger(), { clock, content: new ContentLibrary([ATTENTION]), adapters: [new RecordingAdapter(chat)] });
  return { app, chat, clock };
}

const grades = (chat: RecordingChat) => chat.of('grade').map((g) => g.reply as GradeReply);

describe('a model server that accepts connections and never answers', () => {
  it('costs each answer at most the deadline, then the breaker grades offline at once, says why, and the model is probed, not called, until it answers', async () => {
    const { app, chat, clock } = start();
    standIn.mode = { kind: 'hold' };
    await app.start();
    await app.bot.handle({ type: 'command', place: PLACE, actor: who('admin'), verb: 'daily', args: '' });
    // The figure: a 50-answer round, graded four at a time.
    const members = Array.from({ length: 50 }, (_, i) => `member${i + 1}`);
    for (const m of members) await app.bot.handle({ type: 'answer', place: PLACE, actor: who(m), text: `${GOOD} (${m})` });
    await vi.waitFor(() => expect(standIn.held).toBe(4)); // GRADER_CONCURRENCY calls, none answered
    expect(grades(chat)).toHaveLength(0);

    await clock.run(44_999);
    expect(grades(chat)).toHaveLength(0);
    await clock.run(1); // the deadline of the four in flight; three failures open the breaker
    await vi.waitFor(() => expect(grades(chat)).toHaveLength(members.length));
    // A slot freed by a failure may start one more call before the third failure opens the breaker,
    // which then cuts it short at once: at most the two waiting answers add a call.
    const calls = standIn.requests.length;
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(calls).toBeLessThanOrEqual(6);
    const rows = app.store.db.prepare('SELECT a.created_at AS asked, g.graded_at AS graded, g.flags FROM answers a JOIN grades g ON g.answer_id = a.id').all() as { asked: number; graded: number; flags: string }[];
    for (const r of rows) {
      expect(r.graded - r.asked).toBeLessThanOrEqual(45_000);
      expect(JSON.parse(r.flags)).toContain('offline_fallback');
    }
    const flags = rows.map((r) => JSON.parse(r.flags) as string[]);
    const timedOut = flags.filter((f) => f.includes('grader_timeout')).length;
    expect(timedOut).toBeGreaterThanOrEqual(3);
    expect(flags.filter((f) => f.includes('grader_offline'))).toHaveLength(members.length - timedOut);
    expect(grades(chat).every((g) => g.grader === 'offline')).toBe(true);
    const notes = grades(chat).map((g) => g.notes.join(' '));
    expect(notes.filter((n) => /The LLM grader did not answer in time, so this grade is offline/.test(n))).toHaveLength(timedOut);
    expect(notes.filter((n) => /The LLM grader is not answering at the moment \(prepbot checks on it every few minutes\), so this grade is offline/.test(n))).toHaveLength(members.length - timedOut);

    // During the cool-down an answer is graded offline at once, without a call.
    await app.bot.handle({ type: 'answer', place: PLACE, actor: who('gus'), text: `${GOOD} (gus)` });
    await vi.waitFor(() => expect(grades(chat)).toHaveLength(members.length + 1));
    expect(standIn.requests).toHaveLength(calls);

    // At the end of the cool-down one probe; the server still hangs, so another cool-down.
    await clock.run(5 * 60_000);
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(calls + 1));
    await clock.run(15_000);
    await app.bot.handle({ type: 'answer', place: PLACE, actor: who('hal'), text: `${GOOD} (hal)` });
    await vi.waitFor(() => expect(grades(chat)).toHaveLength(members.length + 2));
    expect(grades(chat).at(-1)!.grader).toBe('offline');
    expect(standIn.requests).toHaveLength(calls + 1);

    // The server answers again: the next probe closes the breaker and the model grades.
    standIn.mode = { kind: 'judge' };
    await clock.run(5 * 60_000);
    await vi.waitFor(() => expect(standIn.requests).toHaveLength(calls + 2));
    await vi.waitFor(() => expect(app.bot.worker.attempts.breaker!.isOpen).toBe(false));
    await app.bot.handle({ type: 'answer', place: PLACE, actor: who('ida'), text: `${GOOD} (ida)` });
    await vi.waitFor(() => expect(grades(chat)).toHaveLength(members.length + 3));
    expect(grades(chat).at(-1)!.grader).toBe('llm:test-model');
    expect(standIn.requests).toHaveLength(calls + 3);
  });

  it('takes its settings from GRADER_DEADLINE_SECONDS, GRADER_BREAKER_FAILURES and GRADER_BREAKER_COOLDOWN_SECONDS', async () => {
    const { app, chat, clock } = start({ GRADER_DEADLINE_SECONDS: '10', GRADER_BREAKER_FAILURES: '1', GRADER_BREAKER_COOLDOWN_SECONDS: '60' });
    standIn.mode = { kind: 'hold' };
    await app.start();
    await app.bot.handle({ type: 'command', place: PLACE, actor: who('admin'), verb: 'daily', args: '' });
    await app.bot.handle({ type: 'answer', place: PLACE, actor: who('ann'), text: GOOD });
    await vi.waitFor(() => expect(standIn.held).toBe(1));
    await clock.run(10_000);
    await vi.waitFor(() => expect(grades(chat)).toHaveLength(1));
    expect(app.bot.worker.attempts.breaker!.isOpen).toBe(true);
    standIn.mode = { kind: 'judge' };
    await clock.run(60_000);
    await vi.waitFor(() => expect(app.bot.worker.attempts.breaker!.isOpen).toBe(false));
  });
});
