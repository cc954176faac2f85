import type { InsightStore, MissedAnswer, PointVerdicts, ShowcaseAnswer } from '../core/stores/insight-store.js';
import type { Statements } from './statements.js';

const EFFECTIVE = 'COALESCE(g.override_score, g.score)';
/** Grades whose answer must not be quoted: copied from another member, or addressed to the grader. */
const UNQUOTABLE = `(g.flags LIKE '%duplicate_answer%' OR g.flags LIKE '%injection_suspected%' OR g.flags LIKE '%score_capped%')`;

/** The stored verdicts and consented quotes behind a round's summary. */
export class InsightsRepo implements InsightStore {
  constructor(private readonly s: Statements) {}

  roundVerdicts(roundId: number): PointVerdicts[] {
    return this.s
      .all<{ covered: string; partly: string; missed: string; grader: string }>(
        `SELECT g.covered, g.partly, g.missed, g.grader FROM answers a JOIN grades g ON g.answer_id = a.id
         WHERE a.round_id = ? AND a.counts = 1 ORDER BY a.id`,
        roundId,
      )
      .map((r) => ({ covered: JSON.parse(r.covered) as string[], partly: JSON.parse(r.partly) as string[], missed: JSON.parse(r.missed) as string[], grader: r.grader }));
  }

  showcaseAnswer(roundId: number, minScore: number): ShowcaseAnswer | null {
    const row = this.s.one<{ id: number; user_id: string; name: string; privacy: number; score: number; text: string }>(
      `SELECT a.id, a.user_id, u.name, u.privacy, ${EFFECTIVE} AS score, a.text
       FROM answers a JOIN grades g ON g.answer_id = a.id JOIN users u ON u.id = a.user_id
       WHERE a.round_id = ? AND a.counts = 1 AND u.showcase = 1 AND ${EFFECTIVE} >= ? AND NOT ${UNQUOTABLE}
       ORDER BY score DESC, a.created_at, a.id LIMIT 1`,
      roundId, minScore,
    );
    return row ? { answerId: row.id, userId: row.user_id, name: row.name, privacy: row.privacy === 1, score: row.score, text: row.text } : null;
  }

  missedAnswers(roundId: number, limit: number): MissedAnswer[] {
    return this.s
      .all<{ text: string; partly: string; missed: string }>(
        `SELECT a.text, g.partly, g.missed FROM answers a JOIN grades g ON g.answer_id = a.id
         WHERE a.round_id = ? AND a.counts = 1 AND (g.missed <> '[]' OR g.partly <> '[]') ORDER BY a.id LIMIT ?`,
        roundId, limit,
      )
      .map((r) => ({ text: r.text, partly: JSON.parse(r.partly) as string[], missed: JSON.parse(r.missed) as string[] }));
  }
}
