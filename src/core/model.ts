/**
 * The game's vocabulary: plain data shared by the core, the store and the adapters.
 * Nothing here knows about a platform or a database.
 */

export type Platform = 'console' | 'discord' | 'slack';
export type Difficulty = 'easy' | 'medium' | 'hard';
export type Period = 'week' | 'month' | 'all';
export type ScheduleDays = 'daily' | 'weekdays';

/** One rubric item; `weight` defaults to 1. */
export interface KeyPoint {
  text: string;
  weight: number;
}

/** A question as loaded from `content/<pack>/<NN>-<slug>.md`. */
export interface Question {
  id: string;
  pack: string;
  topic: string;
  difficulty: Difficulty;
  tags: string[];
  keyPoints: KeyPoint[];
  hint?: string;
  /** The question itself (the Markdown heading). */
  prompt: string;
  /** The reference answer (the Markdown body). */
  reference: string;
  /** Path relative to the content directory, for messages. */
  file: string;
  /** Graded example answers: calibration for the LLM grader, regression cases for the offline one. */
  examples?: QuestionExample[];
  /** Follow-up questions by key point number (1-based), asked when that point was missed. */
  followUps?: Record<number, string>;
  /** Where the reference's specific facts come from. */
  sources?: string[];
  /** How answers are judged beyond the key points: `star` reads a behavioural story's structure (Situation, Task, Action, Result, reflection). */
  rubric?: RubricKind;
}

/** Kinds of rubric a question may declare in its front matter. */
export const RUBRIC_KINDS = ['star'] as const;
export type RubricKind = (typeof RUBRIC_KINDS)[number];

/** An answer to a question with the score (0-10) a careful human grader gives it. */
export interface QuestionExample {
  answer: string;
  score: number;
}

/** Who sent an event. `id` is platform-qualified (`discord:123`, `slack:T1:U1`, `console:alice`). */
export interface Actor {
  id: string;
  /** The id the platform itself uses (what ADMIN_USER_IDS lists). */
  platformId: string;
  name: string;
  /** Roles (Discord) or user groups (Slack) the user belongs to, platform-qualified, when known. */
  groups?: string[];
  /** Asks the platform whether this user holds admin rights there (Manage Server, workspace admin). */
  isPlatformAdmin?: () => Promise<boolean>;
}

/** Where an event happened: a channel inside a scope (Discord server, Slack workspace, console). */
export interface Place {
  platform: Platform;
  /** `discord:<guild>`, `slack:<team>`, `console`. */
  scopeId: string;
  /** `discord:<guild>:<channel>`, `slack:<team>:<channel>`, `console:main`. */
  channelId: string;
}

export interface ChannelSettings {
  channelId: string;
  scopeId: string;
  platform: Platform;
  timezone: string;
  /** `HH:MM` or null when the channel has no daily post. */
  postTime: string | null;
  days: ScheduleDays;
  paused: boolean;
  /** Suspended because the bot lost the channel (removed, deleted, archived). */
  suspended: boolean;
  /** Packs asked in this channel; empty means every pack. */
  packs: string[];
  roundHours: number | null;
  pingRole: string | null;
  cycle: number;
  /**
   * When the schedule was last set (epoch ms); null or absent when unknown. Catch-up at start only
   * makes a missed post whose slot came after this, so a schedule set for a time already past
   * today first posts at the next slot.
   */
  scheduleSetAt?: number | null;
  /** Graded answers here end with a follow-up question on their weakest key point (`settings follow-ups`); on unless set off. */
  followUps?: boolean;
}

export type RoundStatus = 'open' | 'closed' | 'skipped';

export interface Round {
  id: number;
  channelId: string;
  scopeId: string;
  localDate: string;
  questionId: string;
  cycle: number;
  status: RoundStatus;
  postedAt: number;
  closesAt: number;
  closedAt: number | null;
  /** Platform reference of the posted message (for live counts and the summary thread). */
  messageRef: string | null;
  /**
   * Whether the post reached the channel: `pending` while it is being sent or retried, `sent`, or
   * `failed` once retries gave up. Absent or null for rounds posted before delivery was tracked.
   */
  delivery?: RoundDelivery | null;
  /** Why the last delivery attempt failed, for admins. */
  deliveryError?: string | null;
  /** Failed delivery attempts so far (for the back-off between retries). */
  deliveryAttempts?: number;
}

export type RoundDelivery = 'pending' | 'sent' | 'failed';

export type AnswerKind = 'daily' | 'practice';

export interface Answer {
  id: number;
  userId: string;
  scopeId: string;
  channelId: string;
  questionId: string;
  roundId: number | null;
  kind: AnswerKind;
  /** True for the one answer of a round that earns points. */
  counts: boolean;
  hinted: boolean;
  text: string;
  createdAt: number;
  /** Opaque reply route chosen by the adapter (e.g. an interaction to edit), kept for the job's reply. */
  replyRoute: string | null;
  /** The practice (or interview) question this answers. */
  practiceId?: number | null;
  /** The follow-up question this answers: graded against its one key point, as practice. */
  followUpId?: number | null;
}

export type GradeFlag =
  | 'injection_suspected'
  | 'score_capped'
  | 'offline_fallback'
  | 'cached'
  | 'duplicate_answer'
  /** With offline_fallback: the LLM's reply was not JSON or not the schema, twice. */
  | 'reply_unusable'
  /** With offline_fallback: the LLM quoted words the answer does not contain, twice. */
  | 'evidence_unsupported'
  /** With offline_fallback: the LLM did not grade within the answer's deadline (GRADER_DEADLINE_SECONDS). */
  | 'grader_timeout'
  /** With offline_fallback: the LLM grader was offline (its breaker open after repeated failures). */
  | 'grader_offline';

/** What a grader says about one answer. `score` is an integer 0-10. */
export interface GradeResult {
  score: number;
  covered: string[];
  missed: string[];
  /** Points judged partly covered (LLM graders); counted in neither list above. */
  partly?: string[];
  feedback: string;
  /** `offline` or `llm:<model>`. */
  grader: string;
  flags: GradeFlag[];
}

export interface StoredGrade extends GradeResult {
  answerId: number;
  gradedAt: number;
  /** Points this answer earned (0 for practice; capped at 7 when hinted). */
  points: number;
  /** Score set by an admin after a dispute, replacing `score` for points and streaks. */
  overrideScore: number | null;
}

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  name: string;
  /** The user chose to appear as "anonymous". */
  privacy: boolean;
  points: number;
  answers: number;
}

export interface UserRecord {
  id: string;
  name: string;
  privacy: boolean;
  /** The member lets their best daily answer be quoted in a round's summary (`showcase on`). */
  showcase?: boolean;
}
