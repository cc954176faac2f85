import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { graded, newAnswer, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'followUps' | 'answers' | 'channels'>;

/** What every FollowUpStore does: one follow-up per answer, one open per member, closed once. */
export function followUpStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };
  const ask = (s: Fixture, answerId: number, at: number, userId = 'discord:u1') =>
    s.followUps.createFollowUp({
      sourceAnswerId: answerId, userId, scopeId: PLACE.scopeId, channelId: PLACE.channelId, questionId: 'q1',
      point: 2, pointText: 'b', prompt: 'Why b?', origin: 'template', interviewId: null, createdAt: at,
    });

  describe(`FollowUpStore: ${name}`, () => {
    it('stores one follow-up per answer, and the newest supersedes the open one', () => {
      const s = fresh();
      const a1 = graded(s, 'u1', null, 4, { normHash: 'x1' });
      const a2 = graded(s, 'u1', null, 4, { normHash: 'x2' });
      const first = ask(s, a1, 1_000)!;
      expect(first).toMatchObject({ point: 2, status: 'open', origin: 'template', closedAt: null });
      expect(ask(s, a1, 1_500)).toBeNull();
      const second = ask(s, a2, 2_000)!;
      expect(s.followUps.getFollowUp(first.id)?.status).toBe('superseded');
      expect(s.followUps.openFollowUp('discord:u1', PLACE.scopeId)?.id).toBe(second.id);
      expect(s.followUps.openFollowUp('discord:u1', 'discord:g2')).toBeNull();
      expect(s.followUps.followUpOfAnswer(a2)?.id).toBe(second.id);
    });

    it('closes a follow-up once, by pass or by the answer that answers it', () => {
      const s = fresh();
      const a1 = graded(s, 'u1', null, 4, { normHash: 'x1' });
      const a2 = graded(s, 'u2', null, 4, { normHash: 'x2', userId: 'discord:u2' });
      const passed = ask(s, a1, 1_000)!;
      expect(s.followUps.closeFollowUp(passed.id, 'passed', 1_100)).toBe(true);
      expect(s.followUps.closeFollowUp(passed.id, 'passed', 1_200)).toBe(false);
      expect(s.followUps.getFollowUp(passed.id)).toMatchObject({ status: 'passed', closedAt: 1_100 });
      const answered = ask(s, a2, 2_000, 'discord:u2')!;
      s.answers.insertAnswer(newAnswer({ userId: 'discord:u2', followUpId: answered.id, createdAt: 2_100 }));
      expect(s.followUps.getFollowUp(answered.id)).toMatchObject({ status: 'answered', closedAt: 2_100 });
      expect(s.followUps.openFollowUp('discord:u2', PLACE.scopeId)).toBeNull();
    });
  });
}
