/**
 * Pairs of words that state opposite things, so an answer that puts one where the key point has the
 * other contradicts it ("masks future positions" against "masks past positions"). General English
 * and everyday technical opposites, written from general knowledge, never from an evaluation set.
 * Compared as stems of lemmas.
 */
import { stem } from './terms.js';
const PAIRS = [
    ['future', 'past'],
    ['later', 'earlier'],
    ['before', 'after'],
    ['increase', 'decrease'],
    ['more', 'less'],
    ['more', 'fewer'],
    ['larger', 'smaller'],
    ['higher', 'lower'],
    ['high', 'low'],
    ['fast', 'slow'],
    ['faster', 'slower'],
    ['first', 'last'],
    ['minimum', 'maximum'],
    ['minimize', 'maximize'],
    ['true', 'false'],
    ['correct', 'incorrect'],
    ['same', 'different'],
    ['static', 'dynamic'],
    ['fixed', 'variable'],
    ['sparse', 'dense'],
    ['absolute', 'squared'],
    ['inside', 'outside'],
    ['always', 'never'],
    ['add', 'remove'],
    ['enable', 'disable'],
    ['include', 'exclude'],
    ['overfit', 'underfit'],
    ['parallel', 'sequential'],
    ['supervised', 'unsupervised'],
    ['labeled', 'unlabeled'],
    ['synchronous', 'asynchronous'],
    ['reliable', 'unreliable'],
    ['stateful', 'stateless'],
    ['top', 'bottom'],
    ['shrink', 'grow'],
    ['lose', 'keep'],
    ['cheap', 'expensive'],
    ['many', 'few'],
];
const OPPOSITES = new Map();
for (const [a, b] of PAIRS) {
    const [sa, sb] = [stem(a), stem(b)];
    if (sa === sb)
        continue;
    if (!OPPOSITES.has(sa))
        OPPOSITES.set(sa, new Set());
    if (!OPPOSITES.has(sb))
        OPPOSITES.set(sb, new Set());
    OPPOSITES.get(sa).add(sb);
    OPPOSITES.get(sb).add(sa);
}
/** The stems that state the opposite of this stem (empty when it has none). */
export function opposites(key) {
    return OPPOSITES.get(key);
}
