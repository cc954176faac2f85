import { describe, expect, it } from 'vitest';
import type { Stores } from '../../src/core/stores/index.js';
import { claim, graded, PLACE, seedPlace } from './fixtures.js';

type Fixture = Pick<Stores, 'records' | 'answers' | 'rounds' | 'channels' | 'disputes'>;

/** What every RecordStore does: reports, duplicate answers, history and export. */
export function recordStoreContract(name: string, make: () => Fixture): void {
  const fresh = () => {
    const s = make();
    seedPlace(s);
    return s;
  };

  describe(`RecordStore: ${name}`, () => {
    it('takes one report per member, question and scope', () => {
      const s = fresh();
      const report = { scopeId: PLACE.scopeId, channelId: PLACE.channelId, questionId: 'q1', roundId: null, userId: 'discord:u1', reason: 'the reference is wrong', createdAt: 1 };
      expect(s.records.createReport(report)).toMatchObject({ questionId: 'q1', reason: 'the reference is wrong' });
      expect(s.records.createReport({ ...report, createdAt: 2 })).toBeNull();
      expect(s.records.createReport({ ...report, userId: 'discord:u2' })).not.toBeNull();
    });

    it('records a pair of same answers once, whichever order the two members come in', () => {
      const s = fresh();
      const round = claim(s)!;
      const a = graded(s, 'u1', round.id, 5, { normHash: 'same' });
      const b = graded(s, 'u2', round.id, 5, { normHash: 'same' });
      expect(s.records.sameAnswerInRound(round.id, 'same', 'discord:u2', b)).toEqual([{ userId: 'discord:u1', answerId: a }]);
      expect(s.records.sameAnswerInRound(round.id, 'same', 'discord:u1', a)).toEqual([]);
      expect(s.records.recordDuplicate(round.id, 'discord:u2', 'discord:u1', b, 1)).toBe(true);
      expect(s.records.recordDuplicate(round.id, 'discord:u1', 'discord:u2', b, 2)).toBe(false);
    });

    it("gives a member's own answers with their grades, newest first", () => {
      const s = fresh();
      const round = claim(s)!;
      graded(s, 'u1', round.id, 7, { createdAt: 2_000 });
      graded(s, 'u1', null, 4, { createdAt: 3_000, normHash: 'p' });
      graded(s, 'u2', round.id, 9);
      const history = s.records.answerHistory('discord:u1', PLACE.scopeId, 10);
      expect(history.map((h) => [h.kind, h.score, h.points])).toEqual([['practice', 4, 0], ['daily', 7, 7]]);
      expect(s.records.answerHistory('discord:u1', PLACE.scopeId, 1)).toHaveLength(1);
    });

    it('exports scoring answers with effective scores and zero points for skipped rounds, never text', () => {
      const s = fresh();
      const round = claim(s, '2026-11-23')!;
      const skipped = claim(s, '2026-11-24')!;
      const id = graded(s, 'u1', round.id, 4);
      graded(s, 'u2', skipped.id, 7);
      s.rounds.closeRound(skipped.id, 5_000, 'skipped');
      const d = s.disputes.createDispute({ answerId: id, scopeId: PLACE.scopeId, channelId: PLACE.channelId, userId: 'discord:u1', reason: 'r', oldScore: 4, createdAt: 1 })!;
      s.disputes.resolveDispute(d.id, { score: 8, points: 8, by: 'x', at: 2, note: null });
      const rows = s.records.exportRows(PLACE.scopeId);
      expect(rows.map((r) => [r.name, r.roundDate, r.score, r.points])).toEqual([
        ['u1', '2026-11-23', 8, 8],
        ['u2', '2026-11-24', 7, 0],
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/answer of/);
      expect(s.records.exportRows('discord:g2')).toEqual([]);
    });
  });
}
