import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'disputes' | 'answers' | 'rounds' | 'channels' | 'figures'>;

/** What every DisputeStore does: one dispute per answer, resolved once, totals rewritten with it. */
export function disputeStoreContract(name: string, make: () => Fixture): void {
  describe(`DisputeStore: ${name}`, () => {
    it('resolves a dispute once, setting the override and points and rebuilding the totals together', () => {
      const s = make();
      seedPlace(s);
      const round = claim(s)!;
      const answerId = graded(s, 'u1', round.id, 4);
      const open = { answerId, scopeId: PLACE.scopeId, channelId: PLACE.channelId, userId: 'discord:u1', reason: 'why', oldScore: 4, createdAt: 1 };
      const d = s.disputes.createDispute(open)!;
      expect(d).toMatchObject({ status: 'open', oldScore: 4, newScore: null, reason: 'why' });
      expect(s.disputes.createDispute({ ...open, reason: 'again', createdAt: 2 })).toBeNull();
      expect(s.disputes.disputeOfAnswer(answerId)?.id).toBe(d.id);
      expect(s.disputes.openDisputes(PLACE.scopeId).map((x) => x.id)).toEqual([d.id]);
      expect(s.disputes.resolveDispute(d.id, { score: 9, points: 9, by: 'discord:u2', at: 10, note: 'fair' })).toMatchObject({ status: 'resolved', newScore: 9, resolvedBy: 'discord:u2', note: 'fair' });
      expect(s.disputes.resolveDispute(d.id, { score: 1, points: 1, by: 'discord:u2', at: 11, note: null })).toBeNull();
      expect(s.disputes.openDisputes(PLACE.scopeId)).toEqual([]);
      expect(s.disputes.getDispute(d.id)?.status).toBe('resolved');
      expect(s.answers.getGrade(answerId)).toMatchObject({ score: 4, overrideScore: 9, points: 9 });
      expect(s.figures.rankOf('discord:u1', PLACE.scopeId, null, 'all')?.points).toBe(9);
      expect(s.figures.roundResults(round.id)[0]).toMatchObject({ score: 9 });
    });
  });
}
