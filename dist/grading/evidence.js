/**
 * Checks the model's evidence: a "covered" or "partly" verdict must quote the answer. A quote the
 * answer does not contain (the model invented or paraphrased it) proves nothing, so that point
 * counts as missed. Comparison ignores case, spacing and punctuation (curly quotes, a dropped
 * comma), and a quote may skip text with an ellipsis; whole words must match.
 */
import { withoutInjection } from './injection.js';
/** Letters and digits of any script, lower case, single spaces, padded: whole-word substring search. */
export function normaliseForQuote(text) {
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
