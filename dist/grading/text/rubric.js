import { analyse, COMMON_STEMS, LIGHT_STEMS } from './terms.js';
import { splitSentences } from './tokenize.js';
const DEFAULT_WEIGHTING = {
    questionWeight: 0.2,
    commonWeight: 0.5,
    dfDiscount: 0.3,
    lightWeight: 0.4,
};
/** Clauses of a reference that make sensible pseudo key points: sentences, then `;`/`,` parts. */
export function referenceClauses(reference) {
    const parts = [];
    for (const sentence of splitSentences(reference)) {
        for (const part of sentence.split(/,\s+|\s+-\s+|\s\(|\)\s?/)) {
            const trimmed = part.trim();
            if (trimmed.length > 0)
                parts.push(trimmed);
        }
    }
    // Fragments with fewer than two content words join the clause before them.
    const merged = [];
    for (const part of parts) {
        const prev = merged.length - 1;
        if (prev >= 0 && (analyse(part).stems.length < 2 || analyse(merged[prev]).stems.length < 2)) {
            merged[prev] = `${merged[prev]}, ${part}`;
        }
        else
            merged.push(part);
    }
    return merged;
}
export function buildRubric(question, reference, keyPoints, p = DEFAULT_WEIGHTING) {
    const derived = keyPoints.length === 0;
    const pointTexts = derived ? referenceClauses(reference) : keyPoints.map((k) => k.text);
    const questionStems = new Set(analyse(question).stems);
    const refAnalysis = analyse(reference);
    const pointStems = pointTexts.map((t) => analyse(t).stems);
    // Document frequency over the question and each rubric point (key points, or reference clauses).
    const docs = [questionStems, ...pointStems.map((s) => new Set(s))];
    const df = new Map();
    for (const doc of docs)
        for (const s of doc)
            df.set(s, (df.get(s) ?? 0) + 1);
    const weightOf = (s) => {
        let w = 1;
        if (questionStems.has(s))
            w *= p.questionWeight;
        if (COMMON_STEMS.has(s))
            w *= p.commonWeight;
        if (LIGHT_STEMS.has(s))
            w *= p.lightWeight;
        const extra = Math.max(0, (df.get(s) ?? 1) - 1 - (questionStems.has(s) ? 1 : 0));
        return w / (1 + p.dfDiscount * extra);
    };
    const terms = new Map();
    for (const s of [...refAnalysis.stems, ...pointStems.flat()])
        if (!terms.has(s))
            terms.set(s, weightOf(s));
    const points = pointTexts.map((text, i) => {
        const pt = new Map();
        for (const s of pointStems[i])
            pt.set(s, terms.get(s) ?? weightOf(s));
        return { text, weight: derived ? 1 : keyPoints[i].weight, terms: pt, total: sum(pt) };
    });
    const distinctShare = refAnalysis.stems.length === 0 ? 1 : new Set(refAnalysis.stems).size / refAnalysis.stems.length;
    return { terms, total: sum(terms), points, derived, questionStems, distinctShare };
}
function sum(m) {
    let t = 0;
    for (const v of m.values())
        t += v;
    return t;
}
