/**
 * The score, computed in code from the model's per-key-point verdicts: covered = 1, partly = 0.5,
 * missed = 0, contradicted (the answer states the opposite) = -0.5, weighted by each key point's
 * weight, `round(10 * max(0, earned) / total)`. The model never writes a number that becomes the
 * score, so a reply talked into "10/10" still has to back every point with a quote that is in the
 * answer, not copied from the question or hint, and not under a negation that reverses it.
 */
import type { KeyPoint } from '../core/model.js';
import { judgeEvidence, type EvidenceVerdict } from './evidence.js';
import type { Verdict, VerdictKind } from './llm-schema.js';

const CREDIT: Record<VerdictKind, number> = { covered: 1, partly: 0.5, missed: 0, contradicted: -0.5 };

/** What quotes must come from and must not merely copy. */
export interface EvidenceSource {
  answer: string;
  question: string;
  hint?: string;
}

export interface VerdictScore {
  /** Integer 0-10. */
  score: number;
  covered: string[];
  partly: string[];
  missed: string[];
  /** Key points the answer contradicts (also listed in `missed`). */
  contradicted: string[];
  /** Verdicts other than missed whose quote was no evidence, so they counted as missed. */
  unsupported: number;
  /** Of those, the quotes that are not in the answer at all. */
  invented: number;
  /** Verdicts other than missed. */
  claimed: number;
}

/** Scores verdicts that name each key point once (1-based `point`, checked by parseGradingReply). */
export function scoreFromVerdicts(keyPoints: readonly KeyPoint[], verdicts: readonly Verdict[], source: EvidenceSource): VerdictScore {
  const byPoint = new Map(verdicts.map((v) => [v.point, v]));
  const out: VerdictScore = { score: 0, covered: [], partly: [], missed: [], contradicted: [], unsupported: 0, invented: 0, claimed: 0 };
  let earned = 0;
  let total = 0;
  keyPoints.forEach((kp, i) => {
    const weight = kp.weight > 0 ? kp.weight : 0;
    total += weight;
    const v = byPoint.get(i + 1);
    let kind: VerdictKind = v?.verdict ?? 'missed';
    if (kind !== 'missed') {
      out.claimed++;
      const judged: EvidenceVerdict = judgeEvidence(v?.evidence ?? '', source.answer, { question: source.question, hint: source.hint, point: kp.text });
      // A contradiction quotes the false claim, so only its presence in the answer is checked.
      const ok = kind === 'contradicted' ? judged !== 'invented' && judged !== 'empty' : judged === 'ok';
      if (!ok) {
        kind = 'missed';
        out.unsupported++;
        if (judged === 'invented') out.invented++;
      }
    }
    earned += weight * CREDIT[kind];
    if (kind === 'covered') out.covered.push(kp.text);
    else if (kind === 'partly') out.partly.push(kp.text);
    else {
      out.missed.push(kp.text);
      if (kind === 'contradicted') out.contradicted.push(kp.text);
    }
  });
  const score = total > 0 ? Math.round((10 * Math.max(0, earned)) / total) : 0;
  out.score = Math.min(10, Math.max(0, score));
  return out;
}

/** Most of the model's claimed verdicts quote words the answer does not contain. */
export function mostlyInvented(s: Pick<VerdictScore, 'invented' | 'claimed'>): boolean {
  return s.invented > 0 && s.invented * 2 > s.claimed;
}
