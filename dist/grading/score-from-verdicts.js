import { judgeEvidence } from './evidence.js';
const CREDIT = { covered: 1, partly: 0.5, missed: 0, contradicted: -0.5 };
/** Scores verdicts that name each key point once (1-based `point`, checked by parseGradingReply). */
export function scoreFromVerdicts(keyPoints, verdicts, source) {
    const byPoint = new Map(verdicts.map((v) => [v.point, v]));
    const out = { score: 0, covered: [], partly: [], missed: [], contradicted: [], unsupported: 0, invented: 0, claimed: 0 };
    let earned = 0;
    let total = 0;
    keyPoints.forEach((kp, i) => {
        const weight = kp.weight > 0 ? kp.weight : 0;
        total += weight;
        const v = byPoint.get(i + 1);
        let kind = v?.verdict ?? 'missed';
        if (kind !== 'missed') {
            out.claimed++;
            const judged = judgeEvidence(v?.evidence ?? '', source.answer, { question: source.question, hint: source.hint, point: kp.text });
            // A contradiction quotes the false claim, so only its presence in the answer is checked.
            const ok = kind === 'contradicted' ? judged !== 'invented' && judged !== 'empty' : judged === 'ok';
            if (!ok) {
                kind = 'missed';
                out.unsupported++;
                if (judged === 'invented')
                    out.invented++;
            }
        }
        earned += weight * CREDIT[kind];
        if (kind === 'covered')
            out.covered.push(kp.text);
        else if (kind === 'partly')
            out.partly.push(kp.text);
        else {
            out.missed.push(kp.text);
            if (kind === 'contradicted')
                out.contradicted.push(kp.text);
        }
    });
    const score = total > 0 ? Math.round((10 * Math.max(0, earned)) / total) : 0;
    out.score = Math.min(10, Math.max(0, score));
    return out;
}
/** Most of the model's claimed verdicts quote words the answer does not contain. */
export function mostlyInvented(s) {
    return s.invented > 0 && s.invented * 2 > s.claimed;
}
