import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'rounds' | 'channels' | 'answers' | 'figures' | 'posts'>;

/** What every RoundStore does (seeded through the channel and answer ports of the same store). */
export function roundStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };

  describe(`RoundStore: ${name}`, () => {
    it('gives a (channel, local date) slot to the first claim only', () => {
      const s = fresh();
      const round = claim(s);
      expect(round).toMatchObject({ channelId: PLACE.channelId, localDate: '2026-11-23', status: 'open', messageRef: null, delivery: 'pending' });
      expect(claim(s)).toBeNull();
      expect(claim(s, '2026-11-24')).not.toBeNull();
      expect(s.rounds.getRoundByDate(PLACE.channelId, '2026-11-23')?.id).toBe(round!.id);
    });

    it('closes a round once, and finds the open and the latest round of a channel', () => {
      const s = fresh();
      const first = claim(s, '2026-11-23')!;
      const second = claim(s, '2026-11-24', 5_000)!;
      expect(s.rounds.closeRound(first.id, 5, 'closed')).toBe(true);
      expect(s.rounds.closeRound(first.id, 6, 'closed')).toBe(false);
      expect(s.rounds.getRound(first.id)).toMatchObject({ status: 'closed', closedAt: 5 });
      expect(s.rounds.getOpenRound(PLACE.channelId)?.id).toBe(second.id);
      expect(s.rounds.listOpenRounds().map((r) => r.id)).toEqual([second.id]);
      expect(s.rounds.latestRound(PLACE.channelId)?.id).toBe(second.id);
    });

    it("plans the round's post with the round, held by the claimer's lease, and its summary as it closes after the post was delivered", () => {
      const s = fresh();
      const round = s.rounds.claimRound(
        { channelId: PLACE.channelId, scopeId: PLACE.scopeId, localDate: '2026-11-23', questionId: 'q1', cycle: 1, postedAt: 1_000, closesAt: 2_000 },
        { owner: 'a', until: 31_000 },
      )!;
      expect(s.posts.getPost('round', String(round.id))).toMatchObject({ status: 'pending', channelId: PLACE.channelId, owner: 'a', leaseUntil: 31_000, createdAt: 1_000 });
      expect(s.posts.beginPostAttempt('round', String(round.id), { owner: 'b', until: 40_000 }, 10_000)).toBeNull();
      s.rounds.roundDeliveryFailed(round.id, 'Missing Permissions', 5_000);
      expect(s.rounds.getRound(round.id)).toMatchObject({ delivery: 'pending', deliveryAttempts: 1, deliveryError: 'Missing Permissions' });
      expect(s.rounds.markDeliveryReported(round.id, 5_000)).toBe(true);
      expect(s.rounds.markDeliveryReported(round.id, 6_000)).toBe(false);
      s.rounds.roundDelivered(round.id, 'msg-9');
      expect(s.rounds.getRound(round.id)).toMatchObject({ delivery: 'sent', messageRef: 'msg-9', deliveryError: null });
      expect(s.posts.getPost('summary', String(round.id))).toBeNull();
      expect(s.rounds.closeRound(round.id, 9_000, 'closed')).toBe(true);
      expect(s.posts.getPost('summary', String(round.id))).toMatchObject({ status: 'pending', createdAt: 9_000, owner: null });
    });

    it('closes a round whose post never arrived without planning a summary, and keeps a round it gave up on', () => {
      const s = fresh();
      const round = claim(s)!;
      s.rounds.giveUpDelivery(round.id);
      expect(s.rounds.getRound(round.id)).toMatchObject({ status: 'open', delivery: 'failed' });
      expect(s.rounds.closeRound(round.id, 5_000, 'closed')).toBe(true);
      expect(s.posts.getPost('summary', String(round.id))).toBeNull();
    });

    it('remembers the questions asked in a cycle, and the rounds that count for streaks', () => {
      const s = fresh();
      const kept = claim(s, '2026-11-23')!;
      const skipped = s.rounds.claimRound({ channelId: PLACE.channelId, scopeId: PLACE.scopeId, localDate: '2026-11-24', questionId: 'q2', cycle: 1, postedAt: 2_000, closesAt: 3_000 })!;
      s.rounds.claimRound({ channelId: PLACE.channelId, scopeId: PLACE.scopeId, localDate: '2026-11-25', questionId: 'q3', cycle: 2, postedAt: 4_000, closesAt: 5_000 });
      s.rounds.closeRound(skipped.id, 2_500, 'skipped');
      expect(s.rounds.askedQuestionIds(PLACE.channelId, 1).sort()).toEqual(['q1', 'q2']);
      expect(s.rounds.streakRounds(PLACE.channelId).map((r) => r.localDate)).toEqual([kept.localDate, '2026-11-25']);
    });

    it('takes a skipped round off the leaderboard in the same step, also for a grade stored after the skip', () => {
      const s = fresh();
      const kept = claim(s, '2026-11-23')!;
      const skipped = claim(s, '2026-11-24')!;
      graded(s, 'u1', kept.id, 6);
      graded(s, 'u1', skipped.id, 9);
      const points = (u: string) => s.figures.rankOf(`discord:${u}`, PLACE.scopeId, null, 'all')?.points ?? 0;
      expect(points('u1')).toBe(15);
      expect(s.rounds.closeRound(skipped.id, 5_000, 'skipped')).toBe(true);
      expect(points('u1')).toBe(6);
      graded(s, 'u2', skipped.id, 8);
      expect(points('u2')).toBe(0);
    });
  });
}
