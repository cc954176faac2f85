import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformAdapter } from '../../src/adapters/platform-adapter.js';
import { App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Place } from '../../src/core/model.js';
import type { Grader, GradeRequest, MessageRef, Target } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { bank } from '../fakes/questions.js';
import { ScriptedGrader } from '../fakes/scripted-grader.js';
import { MemoryLogger } from '../fakes/silent-logger.js';
import { untilTrue as until } from '../fakes/turns.js';

const PLACE: Place = { platform: 'console', scopeId: 'console', channelId: 'console:main' };
const ALICE = { id: 'console:alice', platformId: 'alice', name: 'alice' };

/** An adapter that writes down what happens to it, in order, into a shared log. */
class LoggingAdapter implements PlatformAdapter {
  readonly platform = 'console' as const;
  readonly chat = { send: (t: Target, r: Reply) => this.send(t, r), edit: async () => {} };
  constructor(private readonly log: string[]) {}
  async start(): Promise<void> {
    this.log.push('adapter started');
  }
  async stopIntake(): Promise<void> {
    this.log.push('intake stopped');
  }
  async stop(): Promise<void> {
    this.log.push('adapter stopped');
  }
  private async send(_t: Target, reply: Reply): Promise<MessageRef> {
    this.log.push(`sent ${reply.kind}`);
    return `m${this.log.length}`;
  }
}

/** A grader that answers only when released, to hold a grade in flight across a shutdown. */
class HeldGrader implements Grader {
  readonly id = 'held';
  readonly version = '1';
  calls = 0;
  private release: (() => void) | null = null;
  private readonly inner = new ScriptedGrader('held');
  async grade(req: GradeRequest) {
    this.calls += 1;
    await new Promise<void>((r) => (this.release = r));
    return this.inner.grade(req);
  }
  /** Lets the held grade finish. */
  letGo(): void {
    this.release?.();
  }
}

const clock = FakeClock.at('2026-11-23T09:00:00Z');

function appOn(file: string, grader: Grader, log: string[]) {
  return new App(loadConfig({ DATABASE_PATH: file }), new MemoryLogger(), { clock, content: bank(), grader, adapters: [new LoggingAdapter(log)] });
}

async function answerToday(app: App): Promise<void> {
  await app.bot.handle({ type: 'command', place: PLACE, actor: ALICE, verb: 'daily', args: '' });
  await app.bot.handle({ type: 'answer', place: PLACE, actor: ALICE, text: 'An answer [score 8]' });
}

describe('shutdown', () => {
  it('stops intake, lets a grade in flight finish and reach its user, then closes the adapters and the database', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-stop-')), 'bot.sqlite');
    const log: string[] = [];
    const grader = new HeldGrader();
    const app = appOn(file, grader, log);
    await app.start();
    await answerToday(app);
    await until(() => grader.calls === 1);
    log.length = 0;

    const stopping = app.stop(10_000);
    await until(() => log.includes('intake stopped'));
    grader.letGo();
    await stopping;
    expect(log).toEqual(['intake stopped', 'sent grade', 'adapter stopped']);
    expect(app.store.db.open).toBe(false);
    expect(app.health().status).toBe('stopping');
  });

  it('gives up on grading after the grace period; the job resumes and is delivered at the next start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-stop-')), 'bot.sqlite');
    const log: string[] = [];
    const stuck = new HeldGrader(); // never released
    const first = appOn(file, stuck, log);
    await first.start();
    await answerToday(first);
    await until(() => stuck.calls === 1);
    await clock.runUntil(first.stop(50));
    expect(log).not.toContain('sent grade');

    const second = appOn(file, new ScriptedGrader(), log);
    await second.start();
    await second.bot.worker.idle();
    expect(log).toContain('sent grade');
    const grade = second.store.db.prepare('SELECT score, grader FROM grades').get();
    expect(grade).toEqual({ score: 8, grader: 'scripted' });
    await second.stop();
  });

  it('treats a second stop as the same shutdown', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'prepbot-stop-')), 'bot.sqlite');
    const log: string[] = [];
    const app = appOn(file, new ScriptedGrader(), log);
    await app.start();
    await Promise.all([app.stop(), app.stop(), app.stop()]);
    expect(log.filter((l) => l === 'adapter stopped')).toHaveLength(1);
  });
});
