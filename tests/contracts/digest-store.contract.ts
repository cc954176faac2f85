import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'digests' | 'answers' | 'rounds' | 'channels'>;

/** What every DigestStore does: one digest per channel and week, and the daily scores it reads. */
export function digestStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };

  describe(`DigestStore: ${name}`, () => {
    it('claims a week once; a send that never finished may be claimed again after its lease', () => {
      const s = fresh();
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-49', 1_000, 2_000)).toBe(true);
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-49', 1_500, 2_500)).toBe(false);
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-49', 2_000, 3_000)).toBe(true);
      s.digests.digestDone(PLACE.channelId, 'W2026-49', 'sent', 2_100);
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-49', 9_000, 10_000)).toBe(false);
      expect(s.digests.digestSentAt(PLACE.channelId, 'W2026-49')).toBe(2_100);
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-50', 9_000, 10_000)).toBe(true);
      s.digests.releaseDigest(PLACE.channelId, 'W2026-50');
      expect(s.digests.claimDigest(PLACE.channelId, 'W2026-50', 9_001, 10_000)).toBe(true);
    });

    it("gives the channel's graded scoring answers of rounds in a date range", () => {
      const s = fresh();
      const r1 = claim(s, '2026-11-23')!;
      const r2 = claim(s, '2026-11-30', 5_000)!;
      graded(s, 'u1', r1.id, 6, { localDate: '2026-11-23' });
      graded(s, 'u2', r2.id, 8, { localDate: '2026-11-30' });
      graded(s, 'u3', null, 9, { localDate: '2026-11-30' });
      expect(s.digests.dailyScores(PLACE.channelId, '2026-11-24', '2026-11-30').map((d) => [d.name, d.localDate, d.score])).toEqual([['u2', '2026-11-30', 8]]);
      expect(s.digests.dailyScores(PLACE.channelId, '2026-11-01', '2026-11-30')).toHaveLength(2);
    });
  });
}
