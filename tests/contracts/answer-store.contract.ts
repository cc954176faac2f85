import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, gradeOf, newAnswer, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'answers' | 'rounds' | 'channels' | 'figures'>;

/** What every AnswerStore does: answers, their grading jobs (the queue) and their grades. */
export function answerStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };

  describe(`AnswerStore: ${name}`, () => {
    it("lets only a user's first answer to a round score, even when both arrive as daily answers", () => {
      const s = fresh();
      const round = claim(s)!;
      const first = s.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
      const second = s.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
      expect(first.answer).toMatchObject({ kind: 'daily', counts: true });
      expect(second.answer).toMatchObject({ kind: 'practice', counts: false });
      expect(s.answers.hasAnsweredRound('discord:u1', round.id)).toBe(true);
      expect(s.answers.hasAnsweredRound('discord:u2', round.id)).toBe(false);
      expect(s.answers.roundAnswerCount(round.id)).toBe(1);
    });

    it('stores the text verbatim, and knows when each of a member\'s answers came', () => {
      const s = fresh();
      const text = "Robert'); DROP TABLE answers;-- «внимание» 注意力 🚀";
      const { answer } = s.answers.insertAnswer(newAnswer({ text, createdAt: 1_000 }));
      s.answers.insertAnswer(newAnswer({ createdAt: 3_000 }));
      expect(s.answers.getAnswer(answer.id)?.text).toBe(text);
      expect(s.answers.answerTimesSince('discord:u1', 999)).toEqual([1_000, 3_000]);
      expect(s.answers.answerTimesSince('discord:u1', 1_000)).toEqual([3_000]);
    });

    it("records a new member, or a member's new name, in the same write as their answer", () => {
      const s = fresh();
      const first = s.answers.insertAnswer(newAnswer({ userId: 'discord:newcomer', userName: 'Newcomer' }));
      expect(s.answers.getAnswer(first.answer.id)?.userId).toBe('discord:newcomer');
      expect(s.channels.getUser('discord:newcomer')?.name).toBe('Newcomer');
      s.answers.insertAnswer(newAnswer({ userId: 'discord:newcomer', userName: 'Newcomer (she/her)' }));
      expect(s.channels.getUser('discord:newcomer')?.name).toBe('Newcomer (she/her)');
    });

    it('hands a due job to one claimer, defers it on request, and puts crashed running jobs back in the queue', () => {
      const s = fresh();
      s.answers.insertAnswer(newAnswer({ createdAt: 1_000 }));
      expect(s.answers.nextJobDue()).toBe(1_000);
      expect(s.answers.claimNextJob(999)).toBeNull();
      const job = s.answers.claimNextJob(1_000)!;
      expect(job).toMatchObject({ attempts: 1 });
      expect(s.answers.claimNextJob(1_000)).toBeNull();
      s.answers.deferJob(job.id, 5_000, 'rate limited');
      expect(s.answers.pendingJobCount()).toBe(1);
      expect(s.answers.nextJobDue()).toBe(5_000);
      expect(s.answers.claimNextJob(4_999)).toBeNull();
      expect(s.answers.claimNextJob(5_000)).toMatchObject({ id: job.id, attempts: 2 });
      expect(s.answers.resetRunningJobs()).toBe(1);
      expect(s.answers.claimNextJob(5_000)).toMatchObject({ attempts: 3 });
    });

    it('stores a grade once per job, with its points on the leaderboard, even when completion is attempted twice', () => {
      const s = fresh();
      const round = claim(s)!;
      const { answer, jobId } = s.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
      expect(s.answers.claimNextJob(5_000)?.id).toBe(jobId);
      expect(s.answers.completeJob(jobId, gradeOf(8), 8, 6_000)).toMatchObject({ score: 8, points: 8 });
      expect(s.answers.completeJob(jobId, gradeOf(3), 3, 7_000)).toBeNull();
      expect(s.answers.getGrade(answer.id)).toMatchObject({ score: 8, points: 8, covered: ['a'], missed: ['b'] });
      expect(s.answers.pendingJobCount()).toBe(0);
      expect(s.answers.nextJobDue()).toBeNull();
      expect(s.figures.leaderboard(PLACE.scopeId, null, 'all', 10)).toMatchObject([{ userId: 'discord:u1', points: 8, answers: 1 }]);
    });

    it('reuses a cached grade only for the same question, normalised answer, grader and version', () => {
      const s = fresh();
      s.answers.saveCachedGrade('q1', 'hash', 'llm:m', 'v1', gradeOf(7));
      expect(s.answers.findCachedGrade('q1', 'hash', 'llm:m', 'v1')).toMatchObject({ score: 7 });
      expect(s.answers.findCachedGrade('q1', 'hash', 'llm:m', 'v2')).toBeNull();
      expect(s.answers.findCachedGrade('q1', 'hash', 'llm:other', 'v1')).toBeNull();
      expect(s.answers.findCachedGrade('q2', 'hash', 'llm:m', 'v1')).toBeNull();
    });
  });
}
