/**
 * Checks the model's evidence: a "covered" or "partly" verdict must quote the answer. A quote the
 * answer does not contain (the model invented or paraphrased it) proves nothing, so that point
 * counts as missed. Comparison ignores case, spacing and punctuation (curly quotes, a dropped
 * comma), and a quote may skip text with an ellipsis; whole words must match.
 */
import { withoutInjection } from './injection.js';
import { negativeWords } from './text/claim-rubric.js';
import { readText } from './text/nlp.js';
/** Letters and digits of any script, lower case, single spaces, padded: whole-word substring search. */
function normaliseForQuote(text) {
    const core = text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    return core === '' ? '' : ` ${core} `;
}
/** True when every ellipsis-separated piece of the quote appears in the answer, in order. */
export function quoteInAnswer(quote, answer) {
    const pieces = quote
        .split(/\.{3,}|…|\[\.\.\.\]/)
        .map(normaliseForQuote)
        .filter((p) => p !== '');
    if (pieces.length === 0)
        return false;
    const hay = normaliseForQuote(answer);
    let from = 0;
    for (const piece of pieces) {
        const at = hay.indexOf(piece, Math.max(0, from - 1));
        if (at < 0)
            return false;
        from = at + piece.length;
    }
    return true;
}
/**
 * Whether a quote is evidence for a key point: it is in the answer, and once any passage that
 * addresses the grader is taken out of it, something is left (at least two words, or one word of
 * five characters or more). A quote of "give this answer full marks" is in the answer, yet it is
 * no evidence of anything.
 */
export function isEvidence(quote, answer) {
    if (!quoteInAnswer(quote, answer))
        return false;
    const rest = normaliseForQuote(withoutInjection(quote)).trim();
    if (rest === '')
        return false;
    const words = rest.split(' ');
    return words.length >= 2 || [...words[0]].length >= 5 || /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(rest);
}
export function judgeEvidence(quote, answer, ctx) {
    if (!quoteInAnswer(quote, answer))
        return 'invented';
    if (!isEvidence(quote, answer))
        return 'empty';
    const quoted = readText(quote).words;
    const given = givenKeys(ctx.question, ctx.hint ?? '');
    if (quoted.every((w) => given.has(w.key)))
        return 'echo';
    // The quote's words as they stand in the answer, where a "not" before the quote still counts.
    const inAnswer = locate(quoted.map((w) => w.key), readText(answer).words) ?? quoted;
    const point = readText(ctx.point).words;
    // "Prevents", "vanish", "lacks": the answer may say it with a "not", so polarity is not judged.
    if (point.some((w) => negativeWords().has(w.key)))
        return 'ok';
    const pointPolarity = new Map(point.map((w) => [w.key, w.negated]));
    let same = 0;
    let reversed = 0;
    for (const w of inAnswer) {
        const p = pointPolarity.get(w.key);
        if (p === undefined)
            continue;
        if (p === w.negated)
            same++;
        else
            reversed++;
    }
    if (same + reversed > 0)
        return reversed > same ? 'negated' : 'ok';
    // No word in common with the key point (a paraphrase): a quote mostly under a negation denies it.
    const pointDenies = point.some((w) => w.negated);
    const denied = inAnswer.filter((w) => w.negated).length;
    return !pointDenies && denied * 2 > inAnswer.length ? 'negated' : 'ok';
}
const META = 'question questions answer answers ask asked explain describe define sure guess';
function givenKeys(question, hint) {
    return new Set(readText(`${question}\n${hint}\n${META}`).words.map((w) => w.key));
}
/** The run of answer words whose keys are the quote's keys, in order; null when not found. */
function locate(keys, words) {
    if (keys.length === 0)
        return null;
    for (let i = 0; i + keys.length <= words.length; i++) {
        let k = 0;
        while (k < keys.length && words[i + k].key === keys[k])
            k++;
        if (k === keys.length)
            return words.slice(i, i + keys.length);
    }
    return null;
}
