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

    it('knows the scopes a member has answered in (their own space included), each once', () => {
      const s = fresh();
      expect(s.answers.answeredScopes('discord:u1')).toEqual([]);
      s.answers.insertAnswer(newAnswer());
      s.answers.insertAnswer(newAnswer());
      s.answers.insertAnswer(newAnswer({ scopeId: 'discord:dm:u1', channelId: 'discord:dm:u1' }));
      s.answers.insertAnswer(newAnswer({ userId: 'discord:u2', scopeId: 'discord:g9', channelId: 'discord:g9:c1' }));
      expect(s.answers.answeredScopes('discord:u1').sort()).toEqual([PLACE.scopeId, 'discord:dm:u1'].sort());
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

    it('hands a due job to one owner under a lease, takes it over only once the lease has run out, and lets only its owner defer it', () => {
      const s = fresh();
      s.answers.insertAnswer(newAnswer({ createdAt: 1_000 }));
      const a = (until: number) => ({ owner: 'host:1:a', until });
      const b = (until: number) => ({ owner: 'host:2:b', until });
      expect(s.answers.nextJobDue('host:1:a')).toBe(1_000);
      expect(s.answers.claimNextJob(999, a(31_000))).toBeNull();
      const job = s.answers.claimNextJob(1_000, a(31_000))!;
      expect(job).toMatchObject({ attempts: 1 });
      // A second process sees the job as held until the owner's lease runs out.
      expect(s.answers.claimNextJob(1_000, b(31_000))).toBeNull();
      expect(s.answers.jobsHeldByOthers('host:2:b', 1_000)).toBe(1);
      expect(s.answers.jobsHeldByOthers('host:1:a', 1_000)).toBe(0);
      expect(s.answers.nextJobDue('host:2:b')).toBe(31_000);
      expect(s.answers.nextJobDue('host:1:a')).toBeNull();
      // A live owner renews; the other process still waits.
      expect(s.answers.renewJobs(a(61_000))).toBe(1);
      expect(s.answers.claimNextJob(40_000, b(70_000))).toBeNull();
      s.answers.deferJob(job.id, 'host:2:b', 99_000, 'not its job');
      expect(s.answers.claimNextJob(40_000, b(70_000))).toBeNull();
      // The owner stopped renewing (it died): the job is taken over, counted as a new attempt.
      expect(s.answers.claimNextJob(61_000, b(91_000))).toMatchObject({ id: job.id, attempts: 2 });
      s.answers.deferJob(job.id, 'host:1:a', 62_000, 'the old owner, too late');
      expect(s.answers.jobsHeldByOthers('host:1:a', 62_000)).toBe(1);
      s.answers.deferJob(job.id, 'host:2:b', 100_000, 'rate limited');
      expect(s.answers.pendingJobCount()).toBe(1);
      expect(s.answers.nextJobDue('host:2:b')).toBe(100_000);
      expect(s.answers.claimNextJob(99_999, b(130_000))).toBeNull();
      expect(s.answers.claimNextJob(100_000, b(130_000))).toMatchObject({ id: job.id, attempts: 3 });
    });

    it("leaves a job another live process queued to it (it holds the member's interaction), and hands it over once that lease runs out", () => {
      const s = fresh();
      const a = (until: number) => ({ owner: 'shard:0', until });
      const b = (until: number) => ({ owner: 'shard:1', until });
      const { jobId } = s.answers.insertAnswer(newAnswer({ createdAt: 1_000, queuedBy: a(31_000) }));
      // Another process waits for the lease; the one that took the answer claims it at once.
      expect(s.answers.claimNextJob(1_000, b(31_000))).toBeNull();
      expect(s.answers.nextJobDue('shard:1')).toBe(31_000);
      expect(s.answers.nextJobDue('shard:0')).toBe(1_000);
      // While it lives it renews the jobs it queued, as those it runs.
      expect(s.answers.renewJobs(a(61_000))).toBe(1);
      expect(s.answers.claimNextJob(40_000, b(70_000))).toBeNull();
      expect(s.answers.claimNextJob(61_000, b(91_000))).toMatchObject({ id: jobId, attempts: 1 });
      // A job nobody queued is anybody's at once.
      const free = s.answers.insertAnswer(newAnswer({ createdAt: 62_000 }));
      expect(s.answers.claimNextJob(62_000, a(92_000))?.id).toBe(free.jobId);
      const mine = s.answers.insertAnswer(newAnswer({ createdAt: 63_000, queuedBy: a(93_000) }));
      expect(s.answers.claimNextJob(63_000, a(93_000))?.id).toBe(mine.jobId);
    });

    it('stores one answer per delivery while the delivery is remembered, in the same write', () => {
      const s = fresh();
      const delivery = (expiresAt: number) => ({ id: 'slack:T1:view:trigger.1', expiresAt });
      const first = s.answers.insertAnswer(newAnswer({ createdAt: 1_000, delivery: delivery(10_000) }));
      expect(first.repeated).toBe(false);
      const again = s.answers.insertAnswer(newAnswer({ text: 'sent again', createdAt: 2_000, delivery: delivery(20_000) }));
      expect(again).toMatchObject({ repeated: true, jobId: first.jobId, answer: { id: first.answer.id, text: 'an answer' } });
      expect(s.answers.pendingJobCount()).toBe(1);
      expect(s.answers.answerTimesSince('discord:u1', 0)).toEqual([1_000]);
      // Forgotten once it expires: the same id is then a new delivery.
      const later = s.answers.insertAnswer(newAnswer({ createdAt: 10_000, delivery: delivery(30_000) }));
      expect(later.repeated).toBe(false);
      expect(s.answers.pendingJobCount()).toBe(2);
    });

    it('stores a grade once per job, with its points on the leaderboard, even when completion is attempted twice', () => {
      const s = fresh();
      const round = claim(s)!;
      const { answer, jobId } = s.answers.insertAnswer(newAnswer({ roundId: round.id, kind: 'daily' }));
      expect(s.answers.claimNextJob(5_000, { owner: 'o', until: 35_000 })?.id).toBe(jobId);
      expect(s.answers.completeJob(jobId, gradeOf(8), 8, 6_000)).toMatchObject({ score: 8, points: 8 });
      expect(s.answers.completeJob(jobId, gradeOf(3), 3, 7_000)).toBeNull();
      expect(s.answers.getGrade(answer.id)).toMatchObject({ score: 8, points: 8, covered: ['a'], missed: ['b'] });
      expect(s.answers.pendingJobCount()).toBe(0);
      expect(s.answers.nextJobDue('o')).toBeNull();
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
