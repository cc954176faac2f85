import { opposites } from './antonyms.js';
import { readText } from './nlp.js';
import { referenceClauses } from './rubric.js';
import { COMMON_STEMS, synonymOf } from './terms.js';
/** Weights: a word the question or hint gives, an everyday word, a light word; df discount. */
const TERM_WEIGHTS = { given: 0.2, common: 0.5, light: 0.4, dfDiscount: 0.3 };
/** The keys of some words, read on first use (reading needs the language model, loaded on first use too). */
function keysOnce(words) {
    let keys = null;
    return () => (keys ??= new Set(readText(words).words.map((w) => w.key)));
}
/** Words that carry a negation in their meaning. */
export const negativeWords = keysOnce('prevent prevents avoid stop block lack vanish disappear fail forbid prohibit hide ignore exclude lose unable impossible');
/** Words about answering itself ("good question, I would have to look up the answer"): never evidence. */
const metaWords = keysOnce('question questions answer answers ask asked explain describe define sure guess');
export function buildClaimRubric(question, reference, keyPoints, hint = '') {
    const derived = keyPoints.length === 0;
    const texts = derived ? referenceClauses(reference) : keyPoints.map((k) => k.text);
    const questionKeys = new Set(readText(question).words.map((w) => w.key));
    const given = new Set([...questionKeys, ...readText(hint).words.map((w) => w.key), ...metaWords()]);
    const read = texts.map((t) => readText(t).words);
    // Document frequency over the question and the points: a word shared by many points says little.
    const df = new Map();
    for (const doc of [questionKeys, ...read.map((ws) => new Set(ws.map((w) => w.key)))]) {
        for (const k of doc)
            df.set(k, (df.get(k) ?? 0) + 1);
    }
    const points = read.map((words, i) => {
        const keys = new Set(words.map((w) => w.key));
        const terms = [];
        const seen = new Set();
        for (const w of words) {
            if (seen.has(w.key))
                continue;
            seen.add(w.key);
            let weight = 1;
            if (given.has(w.key))
                weight *= TERM_WEIGHTS.given;
            if (COMMON_STEMS.has(w.key))
                weight *= TERM_WEIGHTS.common;
            if (w.light)
                weight *= TERM_WEIGHTS.light;
            const extra = Math.max(0, (df.get(w.key) ?? 1) - 1 - (questionKeys.has(w.key) ? 1 : 0));
            weight /= 1 + TERM_WEIGHTS.dfDiscount * extra;
            const opp = opposites(w.key);
            const usable = opp && [...opp].every((o) => !keys.has(o)) ? opp : undefined;
            terms.push({ key: w.key, syn: synonymOf(w.key), weight, negated: w.negated, given: given.has(w.key), opposites: usable });
        }
        const total = terms.reduce((s, t) => s + t.weight, 0);
        const negativeWord = words.some((w) => negativeWords().has(w.key));
        return { text: texts[i], weight: derived ? 1 : keyPoints[i].weight, negativeWord, terms, total };
    });
    return { points, derived, given };
}
