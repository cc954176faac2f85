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
/** True when two different stems are probably the same word (typo, or one a longer form). */
export function nearMatch(a, b) {
    if (a.length < FUZZY_MIN_LENGTH || b.length < FUZZY_MIN_LENGTH)
        return false;
    if (withinOneEdit(a, b))
        return true;
    const shorter = Math.min(a.length, b.length);
    return shorter >= 6 && (a.startsWith(b) || b.startsWith(a));
}
