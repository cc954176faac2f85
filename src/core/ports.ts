/**
 * What the core needs from the outside world. The core imports no platform or infrastructure
 * library; everything concrete (SQLite, discord.js, Bolt, openai, node-cron) sits behind these.
 * Each port has an in-memory twin in tests/fakes so the game rules can be tested alone.
 */
import type {
  Answer,
  AnswerKind,
  ChannelSettings,
  GradeResult,
  KeyPoint,
  LeaderboardEntry,
  QuestionExample,
  Place,
  Question,
  Round,
  RubricKind,
  RoundStatus,
  StoredGrade,
  UserRecord,
} from './model.js';
import type { OperationsStore } from './ops-ports.js';
import type { Reply } from './replies.js';

/** Wall-clock time in epoch milliseconds. A port so tests can move time instead of waiting. */
export interface Clock {
  now(): number;
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
}

/** A sent message, for later edits and threads. Opaque to the core. */
export type MessageRef = string;

/** The failure a platform reports when a message cannot be delivered. */
export class DeliveryError extends Error {
  constructor(
    readonly code: 'forbidden' | 'channel_gone' | 'rate_limited' | 'failed',
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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
}

/** Runs the daily posts. The core tells it when a channel's schedule changes. */
export interface SchedulerPort {
  update(channel: ChannelSettings): void;
  remove(channelId: string): void;
  /** Next post instant (epoch ms) for a channel, or null when it has none. */
  nextPostAt(channel: ChannelSettings): number | null;
}

/** An answer about to be stored: the store decides its id and whether it counts. */
export interface NewAnswer extends Omit<Answer, 'id' | 'counts'> {
  normHash: string;
  practiceId: number | null;
  /** Local date of the period the points belong to (the round's date, or today in the channel's zone). */
  localDate: string;
  weekKey: string;
  monthKey: string;
  /** The author's display name: recorded, or updated, in the same write as the answer. */
  userName?: string;
}

export interface GradingJob {
  id: number;
  answerId: number;
  attempts: number;
  createdAt: number;
  notBefore: number;
}

export interface RoundResult {
  userId: string;
  name: string;
  privacy: boolean;
  score: number;
  answeredAt: number;
}

export interface UserTotals {
  /** Leaderboard points: the scoring answers of rounds. */
  points: number;
  /** Scoring answers of rounds that have been graded. */
  answers: number;
  /** Every graded answer, daily and practice, and the sum of their scores. */
  graded: number;
  scoreSum: number;
  practiceAnswers: number;
  practicePoints: number;
  hintedAnswers: number;
}

export interface TopicAverage {
  topic: string;
  average: number;
  answers: number;
}

export interface PracticePrompt {
  id: number;
  userId: string;
  scopeId: string;
  channelId: string;
  questionId: string;
  shownAt: number;
  answeredAt: number | null;
  hinted: boolean;
}

/** A graded answer of one user to one question, oldest first: the review history for practice. */
export interface ReviewRecord {
  questionId: string;
  score: number;
  at: number;
}

/**
 * Persistence. Every method is atomic; methods that decide something under contention
 * (claimRound, insertAnswer, claimNextJob, completeJob, closeRound) decide it inside the store's
 * transaction so two processes on one database cannot both win.
 */
export interface Store extends OperationsStore {
  // channels
  getChannel(channelId: string): ChannelSettings | null;
  ensureChannel(place: Place, defaults: { timezone: string }): ChannelSettings;
  updateChannel(channelId: string, patch: Partial<Omit<ChannelSettings, 'channelId' | 'scopeId' | 'platform'>>): ChannelSettings;
  listChannels(filter?: { scheduled?: boolean }): ChannelSettings[];

  // users
  upsertUser(id: string, name: string): void;
  getUser(id: string): UserRecord | null;
  setPrivacy(id: string, on: boolean): void;

  // rounds
  /** Creates the round for (channel, localDate) or returns null when that slot is already taken. */
  claimRound(r: Omit<Round, 'id' | 'status' | 'closedAt' | 'messageRef'>): Round | null;
  getRound(id: number): Round | null;
  getRoundByDate(channelId: string, localDate: string): Round | null;
  getOpenRound(channelId: string): Round | null;
  listOpenRounds(): Round[];
  setRoundMessage(roundId: number, ref: string): void;
  /** Closes an open round; true only for the call that closed it (so the summary posts once). */
  closeRound(roundId: number, at: number, status: Exclude<RoundStatus, 'open'>): boolean;
  askedQuestionIds(channelId: string, cycle: number): string[];
  /** Rounds of a channel that count for streaks (not skipped), oldest first. */
  streakRounds(channelId: string): Round[];

  // answers and grading jobs
  /** Stores the answer and its pending grading job in one transaction. */
  insertAnswer(a: NewAnswer): { answer: Answer; jobId: number };
  getAnswer(id: number): Answer | null;
  /** Creation instants of the user's answers after `since`, oldest first (for the hourly limit). */
  answerTimesSince(userId: string, since: number): number[];
  hasAnsweredRound(userId: string, roundId: number): boolean;
  roundAnswerCount(roundId: number): number;
  claimNextJob(now: number): GradingJob | null;
  /** Jobs left running by a crash go back to pending; returns how many. */
  resetRunningJobs(): number;
  deferJob(jobId: number, notBefore: number, error: string): void;
  pendingJobCount(): number;
  /** Next instant a pending job becomes due, or null. */
  nextJobDue(): number | null;
  /**
   * Stores the grade with the points the core computed, marks the job done and brings the
   * leaderboard totals up to date, all in one transaction. A job already done is left alone (null).
   */
  completeJob(jobId: number, grade: GradeResult, points: number, gradedAt: number): StoredGrade | null;
  getGrade(answerId: number): StoredGrade | null;
  findCachedGrade(questionId: string, normHash: string, grader: string, version: string): GradeResult | null;
  saveCachedGrade(questionId: string, normHash: string, grader: string, version: string, grade: GradeResult): void;

  // figures
  leaderboard(scopeId: string, channelId: string | null, periodKey: string, limit: number): LeaderboardEntry[];
  rankOf(userId: string, scopeId: string, channelId: string | null, periodKey: string): LeaderboardEntry | null;
  userTotals(userId: string, scopeId: string): UserTotals;
  topicAverages(userId: string, scopeId: string): { questionId: string; average: number; answers: number }[];
  roundResults(roundId: number): RoundResult[];
  userStreakScores(userId: string, channelId: string): Map<number, number>;
  /** The channel of the user's latest answer to a round in this scope, or null. */
  latestRoundChannel(userId: string, scopeId: string): string | null;

  // practice
  createPracticePrompt(p: Omit<PracticePrompt, 'id' | 'answeredAt' | 'hinted'>): PracticePrompt;
  latestOpenPractice(userId: string, scopeId: string): PracticePrompt | null;
  getPracticePrompt(id: number): PracticePrompt | null;
  markPracticeHinted(id: number): void;
  markRoundHinted(userId: string, roundId: number): void;
  hasHintedRound(userId: string, roundId: number): boolean;
  reviewHistory(userId: string, scopeId: string): ReviewRecord[];
}

/** The question packs, loaded and validated before the bot starts. */
export interface QuestionBank {
  all(): readonly Question[];
  get(id: string): Question | undefined;
  /** Questions of these packs; an empty list means every pack. */
  byPacks(packs: readonly string[]): readonly Question[];
  /** Packs with their question counts, by name. */
  packs(): { name: string; count: number }[];
  /** Topics with the packs they appear in and their question counts, by topic. */
  topics(): { topic: string; packs: string[]; count: number }[];
}
