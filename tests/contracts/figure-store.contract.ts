import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'figures' | 'answers' | 'rounds' | 'channels'>;

/** What every FigureStore reads back from the answers and grades stored through the other ports. */
export function figureStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };

  describe(`FigureStore: ${name}`, () => {
    it('ranks ties together on leaderboards and keeps week, month, all and channels apart', () => {
      const s = fresh();
      const round = claim(s)!;
      graded(s, 'u1', round.id, 7, { weekKey: 'W2026-48' });
      graded(s, 'u2', round.id, 7, { weekKey: 'W2026-48' });
      graded(s, 'u3', round.id, 4, { weekKey: 'W2026-47' });
      expect(s.figures.leaderboard(PLACE.scopeId, null, 'all', 10).map((e) => [e.name, e.rank])).toEqual([['u1', 1], ['u2', 1], ['u3', 3]]);
      expect(s.figures.leaderboard(PLACE.scopeId, null, 'W2026-48', 10).map((e) => e.name)).toEqual(['u1', 'u2']);
      expect(s.figures.leaderboard(PLACE.scopeId, PLACE.channelId, 'M2026-11', 10)).toHaveLength(3);
      expect(s.figures.leaderboard(PLACE.scopeId, 'discord:g1:c9', 'all', 10)).toEqual([]);
      expect(s.figures.leaderboard(PLACE.scopeId, null, 'all', 1)).toHaveLength(1);
      expect(s.figures.rankOf('discord:u3', PLACE.scopeId, null, 'all')).toMatchObject({ rank: 3, points: 4 });
      expect(s.figures.rankOf('discord:u3', PLACE.scopeId, null, 'W2026-48')).toBeNull();
      expect(s.figures.leaderboard('discord:other', null, 'all', 10)).toEqual([]);
    });

    it("adds up a member's totals, daily and practice, in one scope", () => {
      const s = fresh();
      const round = claim(s)!;
      graded(s, 'u1', round.id, 6);
      graded(s, 'u1', null, 9, { normHash: 'p1' });
      expect(s.figures.userTotals('discord:u1', PLACE.scopeId)).toMatchObject({ points: 6, answers: 1, dailyScoreSum: 6, practiceAnswers: 1, practiceScoreSum: 9 });
      expect(s.figures.userTotals('discord:u1', 'discord:g2')).toMatchObject({ points: 0, answers: 0, dailyScoreSum: 0, practiceAnswers: 0, practiceScoreSum: 0 });
      expect(s.figures.topicAverages('discord:u1', PLACE.scopeId)).toEqual([{ questionId: 'q1', average: 7.5, answers: 2 }]);
    });

    it("lists a round's results best first, and a member's score per round of a channel", () => {
      const s = fresh();
      const round = claim(s)!;
      graded(s, 'u1', round.id, 3);
      graded(s, 'u2', round.id, 8);
      expect(s.figures.roundResults(round.id).map((r) => [r.name, r.score])).toEqual([['u2', 8], ['u1', 3]]);
      expect(s.figures.userStreakScores('discord:u2', PLACE.channelId)).toEqual(new Map([[round.id, 8]]));
      expect(s.figures.latestRoundChannel('discord:u2', PLACE.scopeId)).toBe(PLACE.channelId);
      expect(s.figures.latestRoundChannel('discord:u3', PLACE.scopeId)).toBeNull();
    });
  });
}
