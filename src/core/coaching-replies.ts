/** The replies of the coaching parts: a mock interview's report card and a channel's weekly digest. */

/** The end of a mock interview: each question's score, topics, and what is due for review. */
export interface ReportCardReply {
  kind: 'report';
  visibility: 'private';
  /** True when ended early with `interview stop`. */
  stopped: boolean;
  items: { prompt: string; topic: string; score: number | null; followUp: { score: number | null; passed: boolean } | null }[];
  average: number | null;
  /** The session's topics by average, best first. */
  topics: { topic: string; average: number }[];
  /** The best and worst of them, when their averages differ. */
  strongest: { topic: string; average: number } | null;
  weakest: { topic: string; average: number } | null;
  /** Questions due for review now (every question answered so far, not just these). */
  dueNow: number;
  /** A few of them, by prompt. */
  dueExamples: string[];
  /** When this interview's questions next come up for review (epoch ms), or null. */
  nextReview: number | null;
  timezone: string;
  footer: string;
}

/** The weekly digest of a channel: who answered, how each topic went, and a chart. */
export interface DigestReply {
  kind: 'digest';
  visibility: 'public';
  title: string;
  /** Members who answered each day's round, day by day. */
  days: { label: string; members: number }[];
  topics: { topic: string; average: number; answers: number }[];
  answers: number;
  members: number;
  average: number | null;
  mostImproved: { name: string; before: number; after: number } | null;
  /** Scores by topic over the last weeks, as a PNG image; absent when no chart could be drawn. */
  chart?: { name: string; png: Uint8Array; alt: string };
}
