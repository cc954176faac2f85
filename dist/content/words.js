/**
 * Content words of a text for the content checks: lowercase word tokens without English stop
 * words, reduced to their Porter stems, so "indexes" in a key point is found as "index" in the
 * reference.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
const STOP = new Set(eng);
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** The stems of the content words of `text`, in order, repeats kept. */
export function contentStems(text) {
    const out = [];
    for (const match of text.toLowerCase().matchAll(WORD)) {
        const word = match[0].replace(/['’]s$/, '');
        if (STOP.has(word) || word.length < 2)
            continue;
        out.push(stemmer(word));
    }
    return out;
}
