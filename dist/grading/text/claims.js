import { nearMatch } from './fuzzy.js';
import { synonymOf } from './terms.js';
/** Credit of a word found through a synonym group or as a near spelling, not as the same lemma. */
const NEAR_CREDIT = 0.8;
/** Window length in content words: this many per key-point word, and never fewer than MIN_WINDOW. */
const WINDOW_PER_TERM = 2;
const MIN_WINDOW = 8;
/**
 * A sentence of at least CLAIMLESS_WORDS content words without a verb is a heap of words, not a
 * claim ("the attention of the tokens the weights of the values ..."): its words count this much.
 */
const CLAIMLESS_WORDS = 12;
/** A keyword list: at least this many words, and almost no function words among them. */
export const LIST_MIN_TOKENS = 6;
export const LIST_MAX_STOP_SHARE = 0.1;
/** A sentence of this many content words or more without a comma or any other mark is a run-on heap, verbs or not. */
const RUN_ON_WORDS = 20;
/**
 * A sentence (or a whole answer) of at least FILLER_WORDS content words whose two most frequent
 * function words make up FILLER_SHARE of its words is words joined by filler ("the X of the Y, the
 * Z of the W"); in prose they make up a fifth or less.
 */
const FILLER_WORDS = 12;
const FILLER_SHARE = 0.35;
const CLAIMLESS_CREDIT = 0.3;
/** A key point counts as reversed when at least this share of its words is reversed in one place, and more than the answer states. */
const REVERSED_AT = 0.4;
export function prepareAnswer(read) {
    const list = read.tokens >= LIST_MIN_TOKENS && read.stopShare < LIST_MAX_STOP_SHARE;
    const heap = list || (read.words.length >= FILLER_WORDS && read.filler >= FILLER_SHARE);
    const claimless = read.hasVerb.map((verb, s) => {
        const words = read.sentenceWords[s];
        if (heap)
            return true;
        return (!verb && words >= CLAIMLESS_WORDS) || (words >= RUN_ON_WORDS && read.sentenceMarks[s] === 0) || (words >= FILLER_WORDS && read.sentenceFiller[s] >= FILLER_SHARE);
    });
    return {
        read,
        syn: read.words.map((w) => synonymOf(w.key)),
        factor: read.words.map((w) => (claimless[w.sentence] ? CLAIMLESS_CREDIT : 1)),
        distinct: [...new Set(read.words.map((w) => w.key))],
    };
}
function hitsFor(point, a) {
    const hits = [];
    const words = a.read.words;
    point.terms.forEach((t, ti) => {
        const fuzzy = new Set(a.distinct.filter((k) => k !== t.key && nearMatch(t.key, k)));
        for (let i = 0; i < words.length; i++) {
            const w = words[i];
            let strength = 0;
            let opposite = false;
            if (w.key === t.key)
                strength = 1;
            else if (a.syn[i] === t.syn || fuzzy.has(w.key))
                strength = NEAR_CREDIT;
            else if (t.opposites?.has(w.key)) {
                strength = 1;
                opposite = true;
            }
            if (strength === 0)
                continue;
            const samePolarity = point.negativeWord || w.negated === t.negated;
            hits.push({ at: w.at, sentence: w.sentence, term: ti, strength: strength * a.factor[i], agrees: opposite ? !samePolarity : samePolarity });
        }
    });
    return hits.sort((x, y) => x.at - y.at);
}
export function matchPoint(point, a) {
    if (point.total <= 0)
        return { credit: 0, contradicted: 0 };
    const hits = hitsFor(point, a);
    const window = Math.max(MIN_WINDOW, WINDOW_PER_TERM * point.terms.length);
    const agree = new Float64Array(point.terms.length);
    const against = new Float64Array(point.terms.length);
    let best = { net: 0, credit: 0 };
    let worst = 0;
    for (let i = 0; i < hits.length; i++) {
        agree.fill(0);
        against.fill(0);
        const first = hits[i];
        for (let j = i; j < hits.length; j++) {
            const h = hits[j];
            if (h.at - first.at >= window || h.sentence - first.sentence > 1)
                break;
            if (h.agrees)
                agree[h.term] = Math.max(agree[h.term], h.strength);
            else
                against[h.term] = Math.max(against[h.term], h.strength);
        }
        let credit = 0;
        let reversed = 0;
        let own = false;
        point.terms.forEach((t, ti) => {
            if (agree[ti] > 0) {
                credit += t.weight * agree[ti];
                if (!t.given)
                    own = true;
            }
            else if (!t.given)
                reversed += t.weight * against[ti];
        });
        if (!own)
            credit = 0;
        credit /= point.total;
        reversed /= point.total;
        worst = Math.max(worst, reversed);
        if (credit - reversed > best.net)
            best = { net: credit - reversed, credit };
    }
    return { credit: best.credit, contradicted: worst >= REVERSED_AT && worst > best.credit ? worst : 0 };
}
