/**
 * Replies are data: the core says what to show, each adapter renders it natively
 * (embeds and components on Discord, Block Kit on Slack, plain lines on the console).
 */
import type { Difficulty, LeaderboardEntry, Period } from './model.js';

/** `private`: only the acting user sees it (ephemeral / DM). `public`: the channel sees it. */
export type Visibility = 'private' | 'public';

export interface TextReply {
  kind: 'text';
  visibility: Visibility;
  text: string;
  /** A refusal or a problem with the input, shown as such by adapters that can. */
  tone?: 'info' | 'error' | 'success';
  /** A file to attach (e.g. the CSV of `export`). */
  file?: { name: string; content: string };
}

/** A question to answer: the daily post (public) or a practice question (private). */
export interface QuestionReply {
  kind: 'question';
  visibility: Visibility;
  /** `round:<id>` or `practice:<id>`: what the Answer button answers. */
  answerRef: string;
  mode: 'daily' | 'practice';
  questionId: string;
  prompt: string;
  topic: string;
  difficulty: Difficulty;
  pack: string;
  answerCount: number;
  /** Opt-in role to mention on the daily post, already platform-qualified. */
  pingRole?: string | null;
  closesAt?: number;
  closed?: boolean;
  /** Extra line under the question, such as "Reply with /answer <text>". */
  footer?: string;
}

/** The immediate acknowledgement of an answer; the grade follows. */
export interface AckReply {
  kind: 'ack';
  visibility: 'private';
  answerId: number;
  mode: 'daily' | 'practice';
  text: string;
}

export interface GradeReply {
  kind: 'grade';
  visibility: 'private';
  answerId: number;
  questionPrompt: string;
  score: number;
  covered: string[];
  partly: string[];
  missed: string[];
  feedback: string;
  grader: string;
  offline: boolean;
  /**
   * Headings of the three lists: "Covered" / "Partly covered" / "Missed" for the LLM grader, which
   * judges meaning; "Mentioned" / "Partly mentioned" / "Not mentioned" for the offline grader, which
   * can only tell what is there.
   */
  labels: PointLabels;
  mode: 'daily' | 'practice';
  /** Points earned, when different from the score (hint cap, practice). */
  points: number;
  /** Sentences the user should read alongside the grade (practice, hint cap, offline note...). */
  notes: string[];
  /** Whether the user may dispute this grade (daily answers). */
  disputable: boolean;
}

export interface PointLabels {
  covered: string;
  partly: string;
  missed: string;
}

export const LLM_LABELS: PointLabels = { covered: 'Covered', partly: 'Partly covered', missed: 'Missed' };
export const OFFLINE_LABELS: PointLabels = { covered: 'Mentioned', partly: 'Partly mentioned', missed: 'Not mentioned' };

/** The list headings for a grade by this grader: the offline grader's own, else the LLM's. */
export function labelsFor(grader: string): PointLabels {
  return grader === 'offline' ? OFFLINE_LABELS : LLM_LABELS;
}

export interface LeaderboardReply {
  kind: 'leaderboard';
  visibility: Visibility;
  title: string;
  period: Period;
  entries: LeaderboardEntry[];
  you: LeaderboardEntry | null;
}

export interface StatsReply {
  kind: 'stats';
  visibility: 'private';
  name: string;
  /** Leaderboard points, from `answers` graded daily answers (the first answer to each round). */
  points: number;
  answers: number;
  /** Average score of those daily answers; practice is averaged apart. */
  dailyAverage: number | null;
  currentStreak: number;
  bestStreak: number;
  /** The score a daily answer needs to count toward a streak (6). */
  streakMinScore: number;
  practiceAnswered: number;
  practicePoints: number;
  practiceAverage: number | null;
  practiceDue: number;
  hintedAnswers: number;
  weakestTopics: { topic: string; average: number; answers: number }[];
}

export interface SummaryReply {
  kind: 'summary';
  visibility: 'public';
  roundId: number;
  questionPrompt: string;
  keyPoints: string[];
  answered: number;
  averageScore: number | null;
  top: { rank: number; name: string; score: number }[];
  skipped?: boolean;
}

/** The answer form an Answer button opens (a modal on Discord and Slack). */
export interface FormReply {
  kind: 'form';
  visibility: 'private';
  answerRef: string;
  mode: 'daily' | 'practice';
  title: string;
  prompt: string;
  maxLength: number;
  /** Shown above the input, e.g. that the round closed and the answer counts as practice. */
  note?: string;
}

export type Reply =
  | TextReply
  | FormReply
  | QuestionReply
  | AckReply
  | GradeReply
  | LeaderboardReply
  | StatsReply
  | SummaryReply;

export const text = (t: string, visibility: Visibility = 'private', tone: TextReply['tone'] = 'info'): TextReply => ({
  kind: 'text',
  visibility,
  text: t,
  tone,
});

export const error = (t: string): TextReply => text(t, 'private', 'error');
