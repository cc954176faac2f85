/**
 * The score, computed in code from the model's per-key-point verdicts: covered = 1, partly = 0.5,
 * missed = 0, weighted by each key point's weight, `round(10 * earned / total)`. The model never
 * writes a number that becomes the score, so a reply talked into "10/10" still has to back every
 * point with a quote from the answer.
 */
import type { KeyPoint } from '../core/model.js';
import { isEvidence } from './evidence.js';
import type { Verdict, VerdictKind } from './llm-schema.js';

export const CREDIT: Record<VerdictKind, number> = { covered: 1, partly: 0.5, missed: 0 };

export interface VerdictScore {
  /** Integer 0-10. */
  score: number;
  covered: string[];
  partly: string[];
  missed: string[];
  /** Verdicts of covered or partly whose quote was not evidence, so they counted as missed. */
  unsupported: number;
}

/**
 * Scores verdicts that name each key point once (1-based `point`, checked by parseGradingReply).
 * `evidenceText` is what quotes must come from: the answer.
 */
export function scoreFromVerdicts(keyPoints: readonly KeyPoint[], verdicts: readonly Verdict[], evidenceText: string): VerdictScore {
  const byPoint = new Map(verdicts.map((v) => [v.point, v]));
  const covered: string[] = [];
  const partly: string[] = [];
  const missed: string[] = [];
  let unsupported = 0;
  let earned = 0;
  let total = 0;
  keyPoints.forEach((kp, i) => {
    const weight = kp.weight > 0 ? kp.weight : 0;
    total += weight;
    const v = byPoint.get(i + 1);
    let kind: VerdictKind = v?.verdict ?? 'missed';
    if (kind !== 'missed' && !isEvidence(v?.evidence ?? '', evidenceText)) {
      kind = 'missed';
      unsupported++;
    }
    earned += weight * CREDIT[kind];
    (kind === 'covered' ? covered : kind === 'partly' ? partly : missed).push(kp.text);
  });
  const score = total > 0 ? Math.round((10 * earned) / total) : 0;
  return { score: Math.min(10, Math.max(0, score)), covered, partly, missed, unsupported };
}
