import type { ChartRenderer, ChatPort, Clock, CoachWriter, Grader, Logger, QuestionBank, QuestionRules, SchedulerPort } from './ports.js';
import type { Stores } from './stores/index.js';

/** Game settings the core reads; they come from the validated config. */
export interface CoreOptions {
  defaultTimezone: string;
  revealAfterHours: number;
  catchUpHours: number;
  /** Platform user ids with admin rights everywhere. */
  adminUserIds: string[];
  maxAnswersPerHour: number;
  /** Longest answer accepted, in characters. */
  maxAnswerLength: number;
  /** Parallel grading jobs. */
  gradingConcurrency: number;
  /** How long a rate-limited job may wait before the fallback grader takes it. */
  rateLimitPatienceMs: number;
  /** At most one edit of a round's post per this many ms for its live answer count. */
  liveCountIntervalMs: number;
  /**
   * This process, as the owner of the grading jobs and posts it works on: unique among the
   * processes sharing the database (host, pid and a random part).
   */
  instanceId: string;
  /** How long a claim on a grading job or a post lasts without renewal (its owner renews it). */
  leaseMs: number;
  /** The whole LLM grading of one answer, retries included, before it is graded offline. */
  gradingDeadlineMs: number;
  /** Consecutive LLM failures that take the grader offline for a cool-down. */
  breakerFailures: number;
  /** How long the grader stays offline before it probes the server again. */
  breakerCooldownMs: number;
  /** How long a platform delivery (trigger, interaction) is remembered, to recognise a repeat. */
  deliveryMemoryMs: number;
}

export const DEFAULT_OPTIONS: CoreOptions = {
  defaultTimezone: 'UTC',
  revealAfterHours: 24,
  catchUpHours: 6,
  adminUserIds: [],
  maxAnswersPerHour: 30,
  maxAnswerLength: 4000,
  gradingConcurrency: 4,
  rateLimitPatienceMs: 15 * 60_000,
  liveCountIntervalMs: 2_000,
  instanceId: 'prepbot',
  leaseMs: 30_000,
  gradingDeadlineMs: 45_000,
  breakerFailures: 3,
  breakerCooldownMs: 5 * 60_000,
  deliveryMemoryMs: 24 * 3_600_000,
};

/**
 * Some of the core's deps, with only the store ports `Ports`: a part of the core names the ports it
 * uses in its signature, e.g. `DepsWith<'rounds' | 'channels', 'clock' | 'logger'>`.
 */
export type DepsWith<Ports extends keyof Stores, Others extends Exclude<keyof CoreDeps, 'store'> = Exclude<keyof CoreDeps, 'store'>> = Pick<CoreDeps, Others> & {
  store: Pick<Stores, Ports>;
};

/** Everything the core needs, injected once by the composition root (main.ts) or a test. */
export interface CoreDeps {
  store: Stores;
  /** The questions each server or workspace sees (the Bot adds each one's own pack to the files'). */
  content: QuestionBank;
  /** The content format's rules, for suggested questions. */
  rules: QuestionRules;
  grader: Grader;
  /** Grades when `grader` fails or stays rate limited too long (the offline grader). */
  fallbackGrader?: Grader;
  clock: Clock;
  chat: ChatPort;
  logger: Logger;
  scheduler?: SchedulerPort;
  /** Writes follow-ups and the reveal's common wrong idea (the LLM); absent offline. */
  coach?: CoachWriter;
  /** Draws the weekly digest's chart; absent, the digest is text only. */
  charts?: ChartRenderer;
  options: CoreOptions;
}
