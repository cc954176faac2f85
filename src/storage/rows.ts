import type { Answer, ChannelSettings, GradeFlag, GradeResult, Platform, Round, RoundDelivery, RoundStatus, ScheduleDays, StoredGrade } from '../core/model.js';

/** Row shapes as SQLite returns them, and their mapping to the core's model. */
export interface ChannelRow {
  id: string;
  scope_id: string;
  platform: Platform;
  timezone: string;
  post_time: string | null;
  days: ScheduleDays;
  paused: number;
  suspended: number;
  packs: string;
  round_hours: number | null;
  ping_role: string | null;
  cycle: number;
  schedule_set_at: number | null;
  follow_ups?: number;
}

export const toChannel = (r: ChannelRow): ChannelSettings => ({
  channelId: r.id,
  scopeId: r.scope_id,
  platform: r.platform,
  timezone: r.timezone,
  postTime: r.post_time,
  days: r.days,
  paused: r.paused === 1,
  suspended: r.suspended === 1,
  packs: JSON.parse(r.packs) as string[],
  roundHours: r.round_hours,
  pingRole: r.ping_role,
  cycle: r.cycle,
  scheduleSetAt: r.schedule_set_at,
  followUps: r.follow_ups !== 0,
});

export interface RoundRow {
  id: number;
  channel_id: string;
  scope_id: string;
  local_date: string;
  question_id: string;
  cycle: number;
  status: RoundStatus;
  posted_at: number;
  closes_at: number;
  closed_at: number | null;
  message_ref: string | null;
  delivery?: RoundDelivery | null;
  delivery_error?: string | null;
  delivery_attempts?: number;
}

export const toRound = (r: RoundRow): Round => ({
  id: r.id,
  channelId: r.channel_id,
  scopeId: r.scope_id,
  localDate: r.local_date,
  questionId: r.question_id,
  cycle: r.cycle,
  status: r.status,
  postedAt: r.posted_at,
  closesAt: r.closes_at,
  closedAt: r.closed_at,
  messageRef: r.message_ref,
  delivery: r.delivery ?? null,
  deliveryError: r.delivery_error ?? null,
  deliveryAttempts: r.delivery_attempts ?? 0,
});

export interface AnswerRow {
  id: number;
  user_id: string;
  scope_id: string;
  channel_id: string;
  question_id: string;
  round_id: number | null;
  kind: 'daily' | 'practice';
  counts: number;
  hinted: number;
  text: string;
  created_at: number;
  reply_route: string | null;
  practice_id?: number | null;
  follow_up_id?: number | null;
}

export const toAnswer = (r: AnswerRow): Answer => ({
  id: r.id,
  userId: r.user_id,
  scopeId: r.scope_id,
  channelId: r.channel_id,
  questionId: r.question_id,
  roundId: r.round_id,
  kind: r.kind,
  counts: r.counts === 1,
  hinted: r.hinted === 1,
  text: r.text,
  createdAt: r.created_at,
  replyRoute: r.reply_route,
  practiceId: r.practice_id ?? null,
  followUpId: r.follow_up_id ?? null,
});

export interface GradeRow {
  answer_id: number;
  score: number;
  override_score: number | null;
  points: number;
  covered: string;
  partly: string;
  missed: string;
  feedback: string;
  grader: string;
  flags: string;
  graded_at: number;
}

export const toGrade = (r: GradeRow): StoredGrade => ({
  answerId: r.answer_id,
  score: r.score,
  overrideScore: r.override_score,
  points: r.points,
  covered: JSON.parse(r.covered) as string[],
  partly: JSON.parse(r.partly) as string[],
  missed: JSON.parse(r.missed) as string[],
  feedback: r.feedback,
  grader: r.grader,
  flags: JSON.parse(r.flags) as GradeFlag[],
  gradedAt: r.graded_at,
});

export const gradeColumns = (g: GradeResult) => ({
  score: g.score,
  covered: JSON.stringify(g.covered),
  partly: JSON.stringify(g.partly ?? []),
  missed: JSON.stringify(g.missed),
  feedback: g.feedback,
  grader: g.grader,
  flags: JSON.stringify(g.flags),
});
