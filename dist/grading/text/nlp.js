/**
 * Reading a text with wink-nlp and its English model: sentences, part of speech, lemmas and the
 * scope of negations ("not", "n't", "never", "no", "without"...), turned into the content words
 * the offline grader compares (function words are those of stopwords.ts, whose list keeps the
 * technical sense of words such as "first", "last" or "once"). Each content word keeps its sentence, its position and whether it
 * stands under a negation.
 *
 * Two corrections on top of the model: a negation's scope ends where "and"/"or" starts a new
 * predicate ("has no fixed size and grows"), and scripts written without spaces (Han, Kana,
 * Hangul) are read character by character, since the English model keeps them as one token.
 */
import { createRequire } from 'node:module';
import { isStopWord, stem } from './terms.js';
import { LIGHT_WORDS } from './stopwords.js';
let loaded = null;
/**
 * The reader, built on first use: the English model takes about 40 MB, which a bot that has not
 * graded anything offline or checked any evidence yet does not need to hold.
 */
function reader() {
    if (!loaded) {
        const require = createRequire(import.meta.url);
        const make = require('wink-nlp');
        loaded = make(require('wink-eng-lite-web-model'), ['sbd', 'negation', 'pos']);
    }
    return loaded;
}
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
const VERB_POS = new Set(['VERB', 'AUX']);
/** Marks that separate the parts of a sentence. */
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '"', '—', '–']);
/** Words that turn a denied claim into an asserted one. */
const CONTRAST = new Set(['but', 'however', 'whereas', 'while', 'although', 'though', 'yet', 'instead', 'rather']);
/** Negation words: their meaning is carried by the negation scope, so they are not matched as words. */
const NEGATORS = new Set(['not', 'no', 'nor', 'never', 'neither', 'without', 'none']);
/** Where a negation's scope stops early: a conjunction that starts a new predicate. */
const NEW_PREDICATE = new Set(['VERB', 'AUX', 'PRON']);
/** NFKC, `c++`/`c#` kept as words, sentence marks of CJK scripts as full stops, CJK spaced out. */
function prepare(text) {
    return text
        .normalize('NFKC')
        .replace(/\bc\+\+/gi, ' cplusplus ')
        .replace(/\bc#/gi, ' csharp ')
        .replace(/[。！？；]/gu, '. ')
        .replace(/\n\s*(?:[-*•]|\d+[.)])\s+|\n\s*\n/g, '.\n')
        .replace(CJK_ALL, ' $1 ');
}
export function readText(text) {
    const nlp = reader();
    const its = nlp.its;
    const doc = nlp.readDoc(prepare(text));
    const tokens = doc.tokens();
    // The typings of wink-nlp 2 give `out` one return type for every property; the values are these.
    const out = tokens.out.bind(tokens);
    const lemmas = out(its.lemma);
    const pos = out(its.pos);
    const negation = out(its.negationFlag);
    const types = out(its.type);
    const spans = doc.sentences().out(its.span);
    // The model's negation scope, cut where a conjunction starts a new predicate, and none after
    // "or not" ("whether or not it loops"), which negates nothing.
    const negated = negation.slice();
    const words = tokens.out();
    for (let i = 2; i < negated.length; i++) {
        if (negated[i] && words[i - 1].toLowerCase() === 'not' && words[i - 2].toLowerCase() === 'or') {
            for (let j = i; j < negated.length && negated[j]; j++)
                negated[j] = false;
        }
    }
    for (let i = 1; i < negated.length; i++) {
        if (negated[i] && pos[i - 1] === 'CCONJ' && NEW_PREDICATE.has(pos[i])) {
            for (let j = i; j < negated.length && negated[j]; j++)
                negated[j] = false;
        }
    }
    const deniesPredicate = (n) => {
        const w = words[n].toLowerCase();
        if (w === 'never' || w === 'cannot')
            return true;
        return (w === 'not' || w === "n't") && n > 0 && VERB_POS.has(pos[n - 1]);
    };
    // The model ends a scope at a comma. A claim denied at the start of a sentence is denied to its
    // end ("is not efficient because it needs less data, and ..."), unless a contrast turns it
    // ("but", "however", "whereas") or a new sentence part starts (";", ":").
    for (const [from, to] of doc.sentences().out(its.span)) {
        let on = false;
        for (let i = from; i <= to; i++) {
            const w = words[i].toLowerCase();
            const newPredicate = i > from && pos[i - 1] === 'CCONJ' && NEW_PREDICATE.has(pos[i]);
            if (CONTRAST.has(w) || w === ';' || w === ':' || newPredicate)
                on = false;
            if (negated[i] && !on && i > from && deniesPredicate(i - 1))
                on = true;
            if (on && types[i] !== 'punctuation')
                negated[i] = true;
            else if (newPredicate || CONTRAST.has(w))
                negated[i] = false;
        }
    }
    const content = [];
    const hasVerb = [];
    const sentenceWords = [];
    const sentenceMarks = [];
    const sentenceFiller = [];
    const allFillers = new Map();
    let wordTokens = 0;
    let functionWords = 0;
    spans.forEach(([from, to], sentence) => {
        let verb = false;
        let marks = 0;
        let tokensHere = 0;
        const fillers = new Map();
        const before = content.length;
        for (let i = from; i <= to; i++) {
            const type = types[i];
            if (type === 'punctuation' && i < to && CLAUSE_MARKS.has(words[i]))
                marks++;
            if (type !== 'word' && type !== 'number' && type !== 'unk')
                continue;
            wordTokens++;
            tokensHere++;
            const lemma = (lemmas[i] ?? '').toLowerCase();
            if (VERB_POS.has(pos[i]))
                verb = true;
            if (NEGATORS.has(lemma)) {
                functionWords++;
                continue;
            }
            const light = LIGHT_WORDS.has(lemma);
            const isContent = light || !isStopWord(lemma);
            if (!isContent) {
                functionWords++;
                fillers.set(lemma, (fillers.get(lemma) ?? 0) + 1);
                allFillers.set(lemma, (allFillers.get(lemma) ?? 0) + 1);
                continue;
            }
            if (light)
                functionWords++;
            const key = type === 'unk' && CJK.test(lemma) ? lemma : stem(lemma.replace(/\.$/, ''));
            if (key === '')
                continue;
            content.push({ key, at: content.length, sentence, negated: negated[i] === true, light });
        }
        hasVerb.push(verb);
        sentenceWords.push(content.length - before);
        sentenceMarks.push(marks);
        const top = [...fillers.values()].sort((x, y) => y - x);
        sentenceFiller.push(tokensHere === 0 ? 0 : ((top[0] ?? 0) + (top[1] ?? 0)) / tokensHere);
    });
    const top = [...allFillers.values()].sort((x, y) => y - x);
    return {
        words: content,
        sentences: spans.length,
        hasVerb,
        sentenceWords,
        sentenceMarks,
        sentenceFiller,
        filler: wordTokens === 0 ? 0 : ((top[0] ?? 0) + (top[1] ?? 0)) / wordTokens,
        tokens: wordTokens,
        stopShare: wordTokens === 0 ? 0 : functionWords / wordTokens,
    };
}
