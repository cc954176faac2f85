/**
 * What the core needs from the outside world. The core imports no platform or infrastructure
 * library; everything concrete (SQLite, discord.js, Bolt, openai, node-cron) sits behind these,
 * and the store ports in ./stores. The core's tests use in-memory twins (tests/fakes) or SQLite in
 * memory; tests/contracts runs one contract per store port against every implementation.
 */
import type { ChannelSettings, GradeResult, KeyPoint, Question, QuestionExample, RubricKind } from './model.js';
import type { Reply } from './replies.js';
import type { ChartRenderer, CoachWriter, FollowUpRequest, LineChart, MistakeRequest } from './coaching-ports.js';
import type { DraftProblem } from './team/form.js';

export type { ChartRenderer, CoachWriter, FollowUpRequest, LineChart, MistakeRequest };

/**
 * Time: the wall clock in epoch milliseconds, and timers on it. A port so that tests move time
 * instead of waiting for it: the core never calls `Date.now()` or `setTimeout` itself, so a test
 * can post a round, let a rate limit run out or close a round a day later in a millisecond.
 */
export interface Clock {
  now(): number;
  /**
   * Calls `fn` once, `ms` from now; returns a function that cancels it. A pending timer does not
   * keep the process alive (the adapters do).
   */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Resolves `ms` from now; rejects with the signal's reason if it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The subset of pino the code uses; pino satisfies it. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

export interface GradeRequest {
  questionId: string;
  question: string;
  reference: string;
  keyPoints: KeyPoint[];
  answer: string;
  /** The question's hint: words an answer only copies from it earn nothing. */
  hint?: string;
  /** Graded example answers, for the LLM grader's calibration. */
  examples?: QuestionExample[];
  /** The question's rubric kind (`star`: a behavioural story, read for its structure too). */
  rubric?: RubricKind;
}

/**
 * Grades one answer. Implementations: the offline grader (deterministic, no network) and the LLM
 * grader. A grader that cannot grade right now because of a rate limit throws a
 * {@link GraderRateLimited}; any other failure is thrown as an Error.
 */
export interface Grader {
  /** What `grade()` reports in `grader`, e.g. `offline` or `llm:gpt-4.1-mini`. */
  readonly id: string;
  /** Changes whenever prompts or scoring change, so cached grades are not reused across versions. */
  readonly version: string;
  grade(req: GradeRequest, signal?: AbortSignal): Promise<GradeResult>;
  /**
   * Optional: asks the grader's server for any answer, cheaply; resolves when it answers and throws
   * when it does not. The grading breaker uses it to learn that a sick server is back.
   */
  probe?(signal: AbortSignal): Promise<void>;
}

/** Thrown by a grader told to wait by the server (HTTP 429); the job waits and stays queued. */
export class GraderRateLimited extends Error {
  readonly code = 'rate_limited';
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`grader rate limited, retry after ${retryAfterMs} ms`, options);
  }
}

/**
 * Thrown by a grader whose model replied, but not with a grade it can stand behind: a reply that
 * is not JSON or not the schema (`unusable`), or verdicts mostly backed by quotes the answer does
 * not contain (`unsupported`). The worker grades offline and tells the member which it was.
 */
export class GraderReplyRejected extends Error {
  constructor(
    readonly reason: 'unusable' | 'unsupported',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where a reply goes. With `userId` it is private to that user (ephemeral, or a DM when `dm`). */
export interface Target {
  channelId: string;
  userId?: string;
  dm?: boolean;
  /** Deliver privately to the admins of the channel's server or workspace instead of a user. */
  admins?: boolean;
  /**
   * With `admins`: the admins the core knows for the channel's server or workspace, platform-
   * qualified: users (`discord:1`, `slack:T1:U1`) from the `admins add` list and ADMIN_USER_IDS,
   * and roles or user groups (`discord-role:2`, `slack-group:S1`) from the list. The adapter DMs
   * each user who belongs to that server/workspace, the members of each role or group when it can
   * find them cheaply, and the platform's own admins it can name; never a channel. Absent: the
   * adapter falls back to ADMIN_USER_IDS.
   */
  recipients?: string[];
  /** Post in the thread of this message (the round's post), starting the thread if needed. */
  threadOf?: string;
  /** Adapter-chosen route for a reply to an earlier event (e.g. a deferred Discord interaction). */
  replyRoute?: string | null;
  /** A public post the bot must be able to find again (see {@link PostMark}). */
  post?: PostMark;
  /** With `replyRoute`: a further message after the one that answered the event, not in its place. */
  append?: boolean;
}

/**
 * The identity a public post carries where the platform lets the bot find it again: Slack message
 * metadata (`prepbot_post`, with kind and key), Discord's `nonce` (with `enforce_nonce`, so a second
 * create within a few minutes returns the first message) and the tag in its embed's footer.
 */
export interface PostMark {
  kind: string;
  key: string;
  /** A short name of the post, unique in its channel (see postTag). */
  tag: string;
  /** Discord's nonce, the same on every attempt of the post; absent for a deliberate new message. */
  nonce?: string;
}

/** When the attempts that may have made a post ran (epoch ms): where to look for it. */
export interface PostWindow {
  from: number;
  to: number;
}

/** A sent message, for later edits and threads. Opaque to the core. */
export type MessageRef = string;

/** The failure a platform reports when a message cannot be delivered. */
export class DeliveryError extends Error {
  /**
   * The platform may have taken the message all the same: the request timed out or its connection
   * dropped before an answer came. A refusal the platform stated is never uncertain.
   */
  readonly uncertain: boolean;

  constructor(
    readonly code: 'forbidden' | 'channel_gone' | 'rate_limited' | 'failed',
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown; uncertain?: boolean },
  ) {
    super(message, options);
    this.uncertain = options?.uncertain ?? false;
  }
}

/** Outbound side of a chat platform. Inbound events reach the core through `Bot.handle`. */
export interface ChatPort {
  send(target: Target, reply: Reply): Promise<MessageRef | null>;
  /** Replace a message sent earlier (live answer counts). */
  edit(target: Target, ref: MessageRef, reply: Reply): Promise<void>;
  /**
   * The permissions the bot lacks in a channel to run a round there (post, embed, start threads),
   * as words people know from the platform's settings ("Send Messages", "Embed Links",
   * "Create Public Threads"); empty when nothing is missing. Optional: a platform that cannot tell
   * (the console) leaves it out, and `schedule`/`daily` then just try. Throws a
   * {@link DeliveryError} `channel_gone` when the channel no longer exists for the bot.
   */
  checkPermissions?(channelId: string): Promise<string[]>;
  /**
   * Looks in the target's channel (or thread) for a post the bot made with this mark during the
   * window, reading as little history as the platform allows; its ref, or null when there is none.
   * Throws a {@link DeliveryError} when it cannot look now (`rate_limited` with its wait) or at all.
   * Optional: a platform without history (the console) leaves it out and the post is just made.
   */
  findPost?(target: Target, mark: PostMark, window: PostWindow): Promise<MessageRef | null>;
  /**
   * Whether this process looks after the channel's own posts (the daily question, closing its
   * rounds, finishing its pending posts): false for a channel of a platform no adapter runs here,
   * or of a Discord server another shard process holds. Absent: every channel is this process's.
   */
  serves?(channelId: string): boolean;
}

/** Runs the daily posts. The core tells it when a channel's schedule changes. */
export interface SchedulerPort {
  update(channel: ChannelSettings): void;
  remove(channelId: string): void;
  /** Next post instant (epoch ms) for a channel, or null when it has none. */
  nextPostAt(channel: ChannelSettings): number | null;
}

/**
 * The questions a server or workspace sees: every pack of the content directory, and its own pack
 * of approved suggestions (no other's). Question ids are unique across both, so `get` needs no scope.
 */
export interface QuestionBank {
  get(id: string): Question | undefined;
  all(scopeId: string): readonly Question[];
  /** Questions of these packs; an empty list means every pack. */
  byPacks(packs: readonly string[], scopeId: string): readonly Question[];
  /** Packs with their question counts, by name. */
  packs(scopeId: string): { name: string; count: number }[];
  /** Topics with the packs they appear in and their question counts, by topic. */
  topics(scopeId: string): { topic: string; packs: string[]; count: number }[];
}

/** A member's suggested question, read from the form, before it is checked. */
export interface QuestionDraft {
  prompt: string;
  reference: string;
  keyPoints: string[];
  topic: string;
  difficulty: string;
  hint: string | null;
}


/**
 * The content format's rules, for questions that come from members instead of files: a suggestion
 * is checked exactly as `content:check` checks a file (the front matter's schema, 4-7 key points
 * the reference supports, the platforms' length limits, no near-duplicate of a question the team
 * already has), and an approved one is written back out as a file of that format. A port because
 * the rules live with the content loader, outside the core.
 */
export interface QuestionRules {
  /** The problems of a draft, per form field; empty when it would pass `content:check`. */
  check(draft: QuestionDraft, library: readonly Question[]): DraftProblem[];
  /** What `content:check` would say about these questions as one pack (its difficulty mix). */
  packProblems(questions: readonly Question[]): string[];
  /** The question as a Markdown file of the content format (front matter, heading, reference). */
  toMarkdown(question: Question): string;
}
