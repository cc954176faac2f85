import { Bot } from '../../src/core/bot.js';
import { DEFAULT_OPTIONS, type CoreOptions } from '../../src/core/context.js';
import type { InboundEvent } from '../../src/core/events.js';
import type { Actor, Place } from '../../src/core/model.js';
import type { ChartRenderer, CoachWriter, Grader, QuestionBank, SchedulerPort } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/replies.js';
import { ContentQuestionRules } from '../../src/content/question-rules.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { FakeClock } from './fake-clock.js';
import { bank } from './questions.js';
import { RecordingChat } from './recording-chat.js';
import { ScriptedGrader } from './scripted-grader.js';
import { MemoryLogger } from './silent-logger.js';

export const PLACE: Place = { platform: 'discord', scopeId: 'discord:g1', channelId: 'discord:g1:c1' };
export const OTHER_CHANNEL: Place = { platform: 'discord', scopeId: 'discord:g1', channelId: 'discord:g1:c2' };
export const OTHER_SCOPE: Place = { platform: 'discord', scopeId: 'discord:g2', channelId: 'discord:g2:c9' };

export function actor(name: string, admin = false): Actor {
  return { id: `discord:${name}`, platformId: name, name, isPlatformAdmin: async () => admin };
}

export interface Harness {
  bot: Bot;
  store: SqliteStore;
  clock: FakeClock;
  chat: RecordingChat;
  grader: ScriptedGrader;
  logger: MemoryLogger;
  /** Runs a command and returns its replies. */
  cmd(who: string | ReturnType<typeof actor>, line: string, place?: Place): Promise<Reply[]>;
  /** Sends answer text (optionally to a button's answerRef) and waits until it is graded. */
  answer(who: string, text: string, opts?: { place?: Place; ref?: string }): Promise<Reply[]>;
  /** Waits until the grading queue is empty. */
  settle(): Promise<void>;
}

/** A Bot on a real SQLite store in memory, with a fake clock, a recording chat and a scripted grader. */
export function harness(
  opts: {
    start?: string;
    content?: QuestionBank;
    options?: Partial<CoreOptions>;
    grader?: Grader;
    store?: SqliteStore;
    scheduler?: SchedulerPort;
    logger?: MemoryLogger;
    coach?: CoachWriter;
    charts?: ChartRenderer;
  } = {},
): Harness {
  const store = opts.store ?? SqliteStore.open(':memory:');
  const clock = FakeClock.at(opts.start ?? '2026-11-23T09:00:00Z');
  const chat = new RecordingChat();
  const grader = new ScriptedGrader();
  const logger = opts.logger ?? new MemoryLogger();
  const bot = new Bot({
    store,
    content: opts.content ?? bank(),
    rules: new ContentQuestionRules(),
    grader: opts.grader ?? grader,
    clock,
    chat,
    logger,
    scheduler: opts.scheduler,
    coach: opts.coach,
    charts: opts.charts,
    options: { ...DEFAULT_OPTIONS, adminUserIds: ['root'], ...opts.options },
  });
  bot.start();
  const toActor = (who: string | ReturnType<typeof actor>) => (typeof who === 'string' ? actor(who, who === 'admin') : who);
  const h: Harness = {
    bot,
    store,
    clock,
    chat,
    grader,
    logger,
    async cmd(who, line, place = PLACE) {
      const [verb = '', ...rest] = line.split(' ');
      const event: InboundEvent = { type: 'command', place, actor: toActor(who), verb, args: rest.join(' ') };
      return bot.handle(event);
    },
    async answer(who, text, o = {}) {
      const replies = await bot.handle({ type: 'answer', place: o.place ?? PLACE, actor: toActor(who), text, answerRef: o.ref });
      await h.settle();
      return replies;
    },
    async settle() {
      await new Promise((r) => setImmediate(r));
      await bot.worker.idle();
    },
  };
  return h;
}

/** The text of a reply list, for readable assertions. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => ('text' in r ? r.text : JSON.stringify(r))).join('\n');
}
