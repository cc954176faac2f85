/**
 * From text to content terms: tokens, stop words dropped, British spellings folded, Porter
 * stemmed (via `stemmer`). Stems are cached, since the same words come back answer after answer.
 */
import { stemmer } from 'stemmer';
import { COMMON_WORDS, LIGHT_WORDS, STOP_WORDS } from './stopwords.js';
import { canonicalWord, synonymWords } from './synonyms.js';
import { isCjk, tokenize } from './tokenize.js';
const stemCache = new Map();
/** British to American spelling for the common endings (behaviour, organise, centre). */
function americanize(word) {
    if (word.length < 5)
        return word;
    return word
        .replace(/^([a-z]{3,})our(s|ed|ing|able)?$/, '$1or$2')
        .replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1')
        .replace(/([^aeiou])re(s|d)?$/, '$1er$2');
}
/** The Porter stem of one lowercase token; CJK characters and numbers are kept as they are. */
export function stem(token) {
    let s = stemCache.get(token);
    if (s !== undefined)
        return s;
    if (isCjk(token) || /\p{N}/u.test(token) || !/^[a-z']+$/.test(token)) {
        s = token;
    }
    else {
        s = stemmer(americanize(token.replace(/'s?$/, '').replace(/'/g, '')));
    }
    if (stemCache.size > 50_000)
        stemCache.clear();
    stemCache.set(token, s);
    return s;
}
/** Stem of each synonym group member, mapped to the stem of its group's canonical word. */
const SYNONYM_STEM = new Map();
for (const w of synonymWords()) {
    const from = stem(w);
    const to = stem(canonicalWord(w));
    if (from !== to && !SYNONYM_STEM.has(from))
        SYNONYM_STEM.set(from, to);
}
/** The synonym class of a stem (the stem itself when it has none). */
export function synonymOf(s) {
    return SYNONYM_STEM.get(s) ?? s;
}
/** Stems of frequent everyday words, which carry less weight than rarer ones. */
export const COMMON_STEMS = new Set(COMMON_WORDS.map(stem));
/** Stems of the light words (order, quantity, negation), which count with a small weight. */
export const LIGHT_STEMS = new Set([...LIGHT_WORDS].map(stem));
export function isStopWord(token) {
    return STOP_WORDS.has(token) || (token.length === 1 && !isCjk(token) && !/\p{N}/u.test(token));
}
export function analyse(text) {
    const tokens = tokenize(text);
    const stems = [];
    let stops = 0;
    let latinTokens = 0;
    for (const t of tokens) {
        if (/^[a-z']+$/.test(t))
            latinTokens++;
        if (STOP_WORDS.has(t) || LIGHT_WORDS.has(t))
            stops++;
        if (!isStopWord(t))
            stems.push(stem(t));
    }
    return { tokens, stems, stopShare: tokens.length === 0 ? 0 : stops / tokens.length, latinTokens };
}
