import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, newAnswer, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'insights' | 'answers' | 'rounds' | 'channels'>;

/** What every InsightStore does: a round's verdicts, and a quote only with its author's consent. */
export function insightStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };
  const grade = (s: Fixture, user: string, roundId: number, score: number, lists: { covered?: string[]; partly?: string[]; missed?: string[] }, flags: string[] = []) => {
    const { answer, jobId } = s.answers.insertAnswer(newAnswer({ userId: `discord:${user}`, roundId, kind: 'daily', text: `text of ${user}`, normHash: `h-${user}` }));
    s.answers.claimNextJob(Number.MAX_SAFE_INTEGER, { owner: 'test', until: Number.MAX_SAFE_INTEGER });
    s.answers.completeJob(jobId, { score, covered: lists.covered ?? [], partly: lists.partly ?? [], missed: lists.missed ?? [], feedback: '', grader: 'offline', flags: flags as never[] }, score, 3_000);
    return answer.id;
  };

  describe(`InsightStore: ${name}`, () => {
    it("gives the verdicts of a round's scoring answers and the ones that fell short", () => {
      const s = fresh();
      const round = claim(s)!;
      grade(s, 'u1', round.id, 10, { covered: ['a', 'b'] });
      grade(s, 'u2', round.id, 5, { covered: ['a'], missed: ['b'] });
      grade(s, 'u3', round.id, 2, { partly: ['a'], missed: ['b'] });
      expect(s.insights.roundVerdicts(round.id).map((v) => v.missed)).toEqual([[], ['b'], ['b']]);
      expect(s.insights.missedAnswers(round.id, 10).map((m) => m.text)).toEqual(['text of u2', 'text of u3']);
      expect(s.insights.missedAnswers(round.id, 1)).toHaveLength(1);
    });

    it('quotes only the best answer of a member who set showcase on, above the floor and unflagged', () => {
      const s = fresh();
      const round = claim(s)!;
      grade(s, 'u1', round.id, 10, { covered: ['a'] });
      grade(s, 'u2', round.id, 8, { covered: ['a'] });
      grade(s, 'u3', round.id, 9, { covered: ['a'] }, ['duplicate_answer']);
      expect(s.insights.showcaseAnswer(round.id, 6)).toBeNull();
      s.channels.setShowcase('discord:u2', true);
      s.channels.setShowcase('discord:u3', true);
      expect(s.insights.showcaseAnswer(round.id, 6)).toMatchObject({ userId: 'discord:u2', score: 8, text: 'text of u2', privacy: false });
      expect(s.insights.showcaseAnswer(round.id, 9)).toBeNull();
    });
  });
}
