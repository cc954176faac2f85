/**
 * Splitting free text into word tokens, for any script. Latin, Cyrillic, Greek and the like give
 * words; Han, Kana and Hangul (written without spaces) give one token per character, so answers in
 * those scripts can still be compared character by character.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A word: letters and digits with inner apostrophes (don't), a decimal number (3.5), or a CJK char. */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;
/** Lowercase, Unicode-compatibility folded; `c++` and `c#` kept as words of their own. */
function fold(text) {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/\bc\+\+/g, ' cplusplus ')
        .replace(/\bc#/g, ' csharp ');
}
/** Word tokens of a text, lowercase, in order. */
export function tokenize(text) {
    const out = [];
    for (const m of fold(text).matchAll(TOKEN))
        out.push(m[0].replace(/’/g, "'"));
    return out;
}
/** True for a token that is a single CJK character (compared as is, never stemmed). */
export function isCjk(token) {
    return token.length === 1 && CJK.test(token);
}
/** Sentences or clauses of a text (for pseudo key points): split on . ; : ! ? and line breaks. */
export function splitSentences(text) {
    return text
        .split(/(?<=[.!?;:])\s+|\n+|(?<=[。！？；])/u)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
