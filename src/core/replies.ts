/**
 * Replies are data: the core says what to show, each adapter renders it natively
 * (embeds and components on Discord, Block Kit on Slack, plain lines on the console).
 */
import type { Difficulty, LeaderboardEntry, Period } from './model.js';
import type { DigestReply, ReportCardReply } from './coaching-replies.js';
import type { DraftProblem, SuggestionFields } from './team/form.js';

export type { DigestReply, ReportCardReply };

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
  /**
   * A folder of files (`export pack`'s Markdown): the console writes it beside the database, the
   * chat platforms attach it as `<name>.zip`. Paths are relative to the folder, with `/`.
   */
  folder?: { name: string; files: { path: string; content: string }[] };
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
  /** A heading instead of "Question of the day" / "Practice question" ("Interview question 2 of 5"). */
  title?: string;
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
  /** The follow-up question this grade ends with: it is now the member's open question. */
  followUp?: FollowUpView;
}

/** A follow-up question as shown under a grade. */
export interface FollowUpView {
  /** `followup:<id>`: what its Answer button answers. */
  answerRef: string;
  prompt: string;
  /** How to answer or skip it, with verbs as typed where it is read. */
  how: string;
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
  /** Per key point, how the graded answers did, in the key points' order (absent with no grades). */
  pointCounts?: PointCount[];
  /** "Covered"/"Mentioned"... for the counts: the graders' own words. */
  labels?: PointLabels;
  /** One anonymised sentence on the most common wrong idea (the LLM grader only). */
  commonMistake?: string;
  /** The best answer whose author set `showcase on`, quoted with its score. */
  showcase?: { name: string; score: number; text: string };
}

/** How many graded answers covered, partly covered or missed one key point. */
export interface PointCount {
  point: string;
  covered: number;
  partly: number;
  missed: number;
  /** Graded answers in all (the "of 7" in "missed by 4 of 7"). */
  of: number;
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

/**
 * The suggestion form (`suggest`): a modal on Discord and Slack, labelled lines on the console. It
 * opens with what the member typed before (a kept draft) and, when a submission did not pass the
 * checks, says per field what to fix.
 */
export interface SuggestFormReply {
  kind: 'suggest-form';
  visibility: 'private';
  values: SuggestionFields;
  /** What to fix, per field; empty for a form opened afresh. */
  problems: DraftProblem[];
  /** One or two sentences above the fields. */
  intro: string;
}

export type Reply =
  | TextReply
  | FormReply
  | SuggestFormReply
  | QuestionReply
  | AckReply
  | GradeReply
  | LeaderboardReply
  | StatsReply
  | SummaryReply
  | ReportCardReply
  | DigestReply;

export const text = (t: string, visibility: Visibility = 'private', tone: TextReply['tone'] = 'info'): TextReply => ({
  kind: 'text',
  visibility,
  text: t,
  tone,
});

export const error = (t: string): TextReply => text(t, 'private', 'error');
