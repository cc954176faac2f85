/**
 * Near matches between stems, for misspellings ("recursoin", "dequeu") and close word forms that
 * the stemmer leaves apart. Deliberately strict: short stems never match fuzzily.
 */
/** True when a and b differ by at most one edit (insert, delete, substitute or swap of neighbours). */
export function withinOneEdit(a, b) {
    if (a === b)
        return true;
    const la = a.length;
    const lb = b.length;
    if (Math.abs(la - lb) > 1)
        return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i])
        i++;
    if (la === lb) {
        if (a.slice(i + 1) === b.slice(i + 1))
            return true; // substitution
        return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
/** Shortest stem that may match another by one edit or by a shared long prefix. */
const FUZZY_MIN_LENGTH = 5;
/**
 * Endings that turn a stem into a related word the stemmer leaves apart: -ly (wrongly), -able
 * (testable), -ship (ownership), -ior (behavior/behave), -ance/-ence (issuance), -ive (reactive),
 * and the y/i of verify/verification. Not -less, which reverses ("stateless"), nor -er, which
 * names another thing as often as it compares (pointer, counter, server).
 */
const DERIVED_ENDINGS = new Set(['li', 'abl', 'ibl', 'ship', 'ior', 'anc', 'enc', 'iv', 'i', 'edli', 'ingli']);
/** Endings before which a final "e" of the base drops (write/writable, reserve/reservable). */
const E_DROPPING = new Set(['abl', 'ibl', 'iv']);
/** Shortest stem that may match a derived form. */
const DERIVED_MIN_LENGTH = 4;
/** True when one stem is the other plus a derivational ending. */
function derivedForm(a, b) {
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    if (short.length >= DERIVED_MIN_LENGTH && long.startsWith(short) && DERIVED_ENDINGS.has(long.slice(short.length)))
        return true;
    const base = short.slice(0, -1);
    return short.endsWith('e') && base.length >= DERIVED_MIN_LENGTH && long.startsWith(base) && E_DROPPING.has(long.slice(base.length));
}
/** True when two different stems are probably the same word (typo, a longer form, or a derived form). */
export function nearMatch(a, b) {
    if (derivedForm(a, b))
        return true;
    if (a.length < FUZZY_MIN_LENGTH || b.length < FUZZY_MIN_LENGTH)
        return false;
    if (withinOneEdit(a, b))
        return true;
    const shorter = Math.min(a.length, b.length);
    return shorter >= 6 && (a.startsWith(b) || b.startsWith(a));
}
