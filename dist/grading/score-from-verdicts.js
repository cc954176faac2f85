import { isEvidence } from './evidence.js';
export const CREDIT = { covered: 1, partly: 0.5, missed: 0 };
/**
 * Scores verdicts that name each key point once (1-based `point`, checked by parseGradingReply).
 * `evidenceText` is what quotes must come from: the answer.
 */
export function scoreFromVerdicts(keyPoints, verdicts, evidenceText) {
    const byPoint = new Map(verdicts.map((v) => [v.point, v]));
    const covered = [];
    const partly = [];
    const missed = [];
    let unsupported = 0;
    let earned = 0;
    let total = 0;
    keyPoints.forEach((kp, i) => {
        const weight = kp.weight > 0 ? kp.weight : 0;
        total += weight;
        const v = byPoint.get(i + 1);
        let kind = v?.verdict ?? 'missed';
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
