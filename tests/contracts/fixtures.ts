import type { Place } from '../../src/core/model.js';
import type { NewAnswer } from '../../src/core/stores/answer-store.js';
import type { Stores } from '../../src/core/stores/index.js';

/** The place every contract works in; a second scope for "kept apart" checks. */
export const PLACE: Place = { platform: 'discord', scopeId: 'discord:g1', channelId: 'discord:g1:c1' };

export const gradeOf = (score: number) => ({ score, covered: ['a'], missed: ['b'], feedback: 'f', grader: 'offline', flags: [] });

/** The channel and members u1..u3, as the first events of a team would record them. */
export function seedPlace(s: Pick<Stores, 'channels'>): void {
  s.channels.ensureChannel(PLACE, { timezone: 'UTC' });
  for (const u of ['u1', 'u2', 'u3']) s.channels.upsertUser(`discord:${u}`, u);
}

/** Claims the channel's round for `date`. */
export function claim(s: Pick<Stores, 'rounds'>, date = '2026-11-23', postedAt = 1_000) {
  return s.rounds.claimRound({ channelId: PLACE.channelId, scopeId: PLACE.scopeId, localDate: date, questionId: 'q1', cycle: 1, postedAt, closesAt: postedAt + 1_000 });
}

export function newAnswer(over: Partial<NewAnswer> = {}): NewAnswer {
  return {
    userId: 'discord:u1',
    scopeId: PLACE.scopeId,
    channelId: PLACE.channelId,
    questionId: 'q1',
    roundId: null,
    kind: 'practice',
    hinted: false,
    text: 'an answer',
    normHash: 'h',
    createdAt: 1_000,
    replyRoute: null,
    practiceId: null,
    localDate: '2026-11-23',
    weekKey: 'W2026-48',
    monthKey: 'M2026-11',
    ...over,
  };
}

/** A graded scoring answer of `user` to `roundId`; returns the answer's id. */
export function graded(s: Pick<Stores, 'answers'>, user: string, roundId: number | null, score: number, over: Partial<NewAnswer> = {}): number {
  const { answer, jobId } = s.answers.insertAnswer(
    newAnswer({ userId: `discord:${user}`, roundId, kind: roundId === null ? 'practice' : 'daily', text: `answer of ${user}`, normHash: `h-${user}`, createdAt: 2_000, ...over }),
  );
  s.answers.claimNextJob(Number.MAX_SAFE_INTEGER, { owner: 'test', until: Number.MAX_SAFE_INTEGER });
  s.answers.completeJob(jobId, gradeOf(score), roundId === null ? 0 : score, 3_000);
  return answer.id;
}
