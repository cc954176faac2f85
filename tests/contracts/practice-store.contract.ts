import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'practice' | 'answers' | 'rounds' | 'channels'>;

/** What every PracticeStore does: practice questions shown, hints taken, the review history. */
export function practiceStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };
  const show = (s: Fixture, questionId: string, shownAt: number, userId = 'discord:u1') =>
    s.practice.createPracticePrompt({ userId, scopeId: PLACE.scopeId, channelId: PLACE.channelId, questionId, shownAt });

  describe(`PracticeStore: ${name}`, () => {
    it("finds a member's latest unanswered practice question in the scope, and marks it hinted", () => {
      const s = fresh();
      show(s, 'q1', 1_000);
      const latest = show(s, 'q2', 2_000);
      show(s, 'q3', 3_000, 'discord:u2');
      expect(latest).toMatchObject({ questionId: 'q2', answeredAt: null, hinted: false });
      expect(s.practice.latestOpenPractice('discord:u1', PLACE.scopeId)?.id).toBe(latest.id);
      expect(s.practice.latestOpenPractice('discord:u1', 'discord:g2')).toBeNull();
      s.practice.markPracticeHinted(latest.id);
      expect(s.practice.getPracticePrompt(latest.id)?.hinted).toBe(true);
    });

    it('closes a practice question when its answer is stored', () => {
      const s = fresh();
      const prompt = show(s, 'q2', 1_000);
      graded(s, 'u1', null, 5, { questionId: 'q2', practiceId: prompt.id, normHash: 'p' });
      expect(s.practice.getPracticePrompt(prompt.id)?.answeredAt).not.toBeNull();
      expect(s.practice.latestOpenPractice('discord:u1', PLACE.scopeId)).toBeNull();
    });

    it('remembers the rounds a member took a hint for', () => {
      const s = fresh();
      const round = claim(s)!;
      expect(s.practice.hasHintedRound('discord:u1', round.id)).toBe(false);
      s.practice.markRoundHinted('discord:u1', round.id);
      s.practice.markRoundHinted('discord:u1', round.id);
      expect(s.practice.hasHintedRound('discord:u1', round.id)).toBe(true);
      expect(s.practice.hasHintedRound('discord:u2', round.id)).toBe(false);
    });

    it("gives a member's graded answers in the scope, oldest first, as the review history", () => {
      const s = fresh();
      const round = claim(s)!;
      graded(s, 'u1', round.id, 6, { questionId: 'q1' });
      graded(s, 'u1', null, 9, { questionId: 'q2', normHash: 'p' });
      graded(s, 'u2', null, 1, { questionId: 'q2', normHash: 'p2' });
      expect(s.practice.reviewHistory('discord:u1', PLACE.scopeId).map((r) => [r.questionId, r.score])).toEqual([['q1', 6], ['q2', 9]]);
      expect(s.practice.reviewHistory('discord:u1', 'discord:g2')).toEqual([]);
    });
  });
}
