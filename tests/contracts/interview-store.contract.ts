import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'interviews' | 'practice' | 'answers' | 'channels' | 'followUps'>;

/** What every InterviewStore does: one active session per member, its questions and their grades. */
export function interviewStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };
  const start = (s: Fixture, userId = 'discord:u1') => s.interviews.startInterview({ userId, scopeId: PLACE.scopeId, channelId: PLACE.channelId, topic: 'rag', count: 3, startedAt: 1_000 });

  describe(`InterviewStore: ${name}`, () => {
    it('keeps one active session per member, and ends it once', () => {
      const s = fresh();
      const session = start(s)!;
      expect(session).toMatchObject({ topic: 'rag', count: 3, status: 'active', endedAt: null });
      expect(start(s)).toBeNull();
      expect(start(s, 'discord:u2')).not.toBeNull();
      expect(s.interviews.activeInterview('discord:u1')?.id).toBe(session.id);
      expect(s.interviews.endInterview(session.id, 'stopped', 2_000)).toBe(true);
      expect(s.interviews.endInterview(session.id, 'finished', 3_000)).toBe(false);
      expect(s.interviews.getInterview(session.id)).toMatchObject({ status: 'stopped', endedAt: 2_000 });
      expect(s.interviews.activeInterview('discord:u1')).toBeNull();
      expect(start(s)).not.toBeNull();
    });

    it("lists the session's questions in order with the scores of their answers and follow-ups", () => {
      const s = fresh();
      const session = start(s)!;
      const show = (questionId: string, at: number) =>
        s.practice.createPracticePrompt({ userId: 'discord:u1', scopeId: PLACE.scopeId, channelId: PLACE.channelId, questionId, shownAt: at, interviewId: session.id });
      const p1 = show('q1', 1_000);
      const a1 = graded(s, 'u1', null, 4, { questionId: 'q1', practiceId: p1.id, normHash: 'i1' });
      const f = s.followUps.createFollowUp({ sourceAnswerId: a1, userId: 'discord:u1', scopeId: PLACE.scopeId, channelId: PLACE.channelId, questionId: 'q1', point: 1, pointText: 'a', prompt: 'a?', origin: 'content', interviewId: session.id, createdAt: 1_500 })!;
      graded(s, 'u1', null, 10, { questionId: 'q1', followUpId: f.id, normHash: 'i1f' });
      const p2 = show('q2', 2_000);
      expect(s.practice.latestInterviewPrompt(session.id)?.id).toBe(p2.id);
      expect(s.interviews.interviewSteps(session.id)).toEqual([
        { promptId: p1.id, questionId: 'q1', shownAt: 1_000, answeredAt: 2_000, score: 4, followUpScore: 10, followUpStatus: 'answered' },
        { promptId: p2.id, questionId: 'q2', shownAt: 2_000, answeredAt: null, score: null, followUpScore: null, followUpStatus: null },
      ]);
    });
  });
}
