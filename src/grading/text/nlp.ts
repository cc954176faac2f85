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
import type winkNLP from 'wink-nlp';
import { alternativeScope, negationScope } from './negation.js';
import { isStopWord, stem } from './terms.js';
import { LIGHT_WORDS } from './stopwords.js';

type Nlp = ReturnType<typeof winkNLP>;
let readers: { plain: Nlp; withEntities: Nlp } | null = null;

/**
 * The readers, built on first use: the English model takes about 40 MB, which a bot that has not
 * graded anything offline or checked any evidence yet does not need to hold. `withEntities` adds
 * named entities (numbers, amounts, dates), for the answers to story questions only.
 */
function nlpReaders(): { plain: Nlp; withEntities: Nlp } {
  if (!readers) {
    const require = createRequire(import.meta.url);
    const make = require('wink-nlp') as typeof winkNLP;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0];
    readers = { plain: make(model, ['sbd', 'negation', 'pos']), withEntities: make(model, ['sbd', 'negation', 'pos', 'ner']) };
  }
  return readers;
}

/** One content word of a text. */
export interface Word {
  /** Lemma, Porter-stemmed: what matching compares. */
  key: string;
  /** Index among the text's content words. */
  at: number;
  /** Sentence number, from 0. */
  sentence: number;
  /** Under a negation. */
  negated: boolean;
  /** In an alternative set aside ("rather than X", "instead of X"): agrees with either polarity. */
  contrasted: boolean;
  /** A quantity, order or place word (once, before, more, first): counts, with a small weight. */
  light: boolean;
}

export interface ReadText {
  words: Word[];
  sentences: number;
  /** Sentences that have a verb (a claim needs a predicate). */
  hasVerb: boolean[];
  /** Content words per sentence. */
  sentenceWords: number[];
  /** Commas, colons, brackets and the like inside each sentence. */
  sentenceMarks: number[];
  /** Share of each sentence's word tokens taken by its two most frequent function words ("the", "of"). */
  sentenceFiller: number[];
  /** The same share over the whole text. */
  filler: number;
  /** Word tokens in all (content and function words). */
  tokens: number;
  /** Share of word tokens that are function words: near 0 for a keyword list, ~0.4 for prose. */
  stopShare: number;
  /** Every token, read for a story's structure (only when asked for). */
  tokenView?: StoryTokens;
}

/** Every token of a text with what the model says of it, for reading a story's structure. */
export interface StoryTokens {
  /** Lower-case token texts. */
  words: string[];
  lemmas: string[];
  pos: string[];
  negated: boolean[];
  /** Sentence number of each token. */
  sentence: number[];
  /** The entity type of each token inside a named entity (CARDINAL, PERCENT, MONEY, DATE, DURATION, TIME...), else ''. */
  entity: string[];
  sentences: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_ALL = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
const VERB_POS = new Set(['VERB', 'AUX']);
/** Marks that separate the parts of a sentence. */
const CLAUSE_MARKS = new Set([',', ';', ':', '(', ')', '"', '—', '–']);
/** Negation words: their meaning is carried by the negation scope, so they are not matched as words. */
const NEGATORS = new Set(['not', 'no', 'nor', 'never', 'neither', 'without', 'none']);
/** Complexity notation, "O(n log n)", read as one word ("bigonlogn", followed by its terms) rather than a letter and a bracket. */
const BIG_O = /(?<![\p{L}\p{N}])[OΘΩ]\(\s*([^()]{1,24}?)\s*\)/gu;
/** Words whose "'s" is "is" or "has", which the model reads as such. */
const CONTRACTING = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'let', 'where', 'how']);

/**
 * NFKC, `c++`/`c#` kept as words, big-O notation as one word, "out of date" as "outdated", "no matter" as "regardless" (not a denial), a possessive "'s" split off (the model otherwise keeps a
 * possessive it has seen in an earlier text as one word, so the same text would read differently
 * later), sentence marks of CJK scripts as full stops, CJK spaced out.
 */
function prepare(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\bc\+\+/gi, ' cplusplus ')
    .replace(/\bc#/gi, ' csharp ')
    .replace(/(\p{L}+)['’]s\b/gu, (all, word: string) => (CONTRACTING.has(word.toLowerCase()) ? all : `${word} 's`))
    .replace(BIG_O, (_all, inner: string) => ` bigo${inner.toLowerCase().replace(/²/g, '2').replace(/³/g, '3').replace(/[^a-z0-9]/g, '')} (${inner}) `)
    .replace(/\b(is|has)-a\b/gi, (_all, verb: string) => ` ${verb.toLowerCase()}arelation `)
    .replace(/\bno matter\b/gi, 'regardless')
    .replace(/\b(out|up)[ -]of[ -]date\b/gi, (_all, side: string) => (side.toLowerCase() === 'out' ? 'outdated' : 'current'))
    .replace(/[。！？；]/gu, '. ')
    .replace(/\n\s*(?:[-*•]|\d+[.)])\s+|\n\s*\n/g, '.\n')
    .replace(CJK_ALL, ' $1 ');
}

export function readText(text: string, options: { story?: boolean } = {}): ReadText {
  const { plain, withEntities } = nlpReaders();
  const its = plain.its;
  const doc = (options.story ? withEntities : plain).readDoc(prepare(text));
  const tokens = doc.tokens();
  // The typings of wink-nlp 2 give `out` one return type for every property; the values are these.
  const out = tokens.out.bind(tokens) as (f: unknown) => unknown[];
  const lemmas = out(its.lemma) as string[];
  const pos = out(its.pos) as string[];
  const negation = out(its.negationFlag) as boolean[];
  const types = out(its.type) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const words = (tokens.out() as string[]).map((w) => w.toLowerCase());
  const negated = negationScope({ words, pos, types, flags: negation, spans });
  const contrasted = alternativeScope({ words, pos, types });
  const content: Word[] = [];
  const hasVerb: boolean[] = [];
  const sentenceWords: number[] = [];
  const sentenceMarks: number[] = [];
  const sentenceFiller: number[] = [];
  const allFillers = new Map<string, number>();
  let wordTokens = 0;
  let functionWords = 0;
  spans.forEach(([from, to], sentence) => {
    let verb = false;
    let marks = 0;
    let tokensHere = 0;
    const fillers = new Map<string, number>();
    const before = content.length;
    for (let i = from; i <= to; i++) {
      const type = types[i];
      if (type === 'punctuation' && i < to && CLAUSE_MARKS.has(words[i]!)) marks++;
      if (type !== 'word' && type !== 'number' && type !== 'unk') continue;
      wordTokens++;
      tokensHere++;
      const lemma = (lemmas[i] ?? '').toLowerCase();
      if (VERB_POS.has(pos[i]!)) verb = true;
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
      if (light) functionWords++;
      const key = type === 'unk' && CJK.test(lemma) ? lemma : keyOf(lemma.replace(/\.$/, ''));
      if (key === '') continue;
      content.push({ key, at: content.length, sentence, negated: negated[i] === true, contrasted: contrasted[i] === true, light });
    }
    hasVerb.push(verb);
    sentenceWords.push(content.length - before);
    sentenceMarks.push(marks);
    const top = [...fillers.values()].sort((x, y) => y - x);
    sentenceFiller.push(tokensHere === 0 ? 0 : ((top[0] ?? 0) + (top[1] ?? 0)) / tokensHere);
  });
  const top = [...allFillers.values()].sort((x, y) => y - x);
  const tokenView = options.story ? storyTokens(doc, words, lemmas, pos, negated, spans) : undefined;
  return {
    ...(tokenView ? { tokenView } : {}),
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

/** The key of a lemma: its stem; a prefixed compound the model keeps whole ("pre-trained", "pre-emption") is one word ("pretrain", "preempt"). */
function keyOf(lemma: string): string {
  return stem(lemma.includes('-') ? lemma.replace(/-/g, '') : lemma);
}

type Doc = ReturnType<Nlp['readDoc']>;

function storyTokens(doc: Doc, words: string[], lemmas: string[], pos: string[], negated: boolean[], spans: [number, number][]): StoryTokens {
  const sentence = new Array<number>(words.length).fill(0);
  spans.forEach(([from, to], s) => sentence.fill(s, from, to + 1));
  const entity = new Array<string>(words.length).fill('');
  const entities = doc.entities();
  const its = nlpReaders().plain.its;
  const types = entities.out(its.type) as unknown as string[];
  (entities.out(its.span) as unknown as [number, number][]).forEach(([from, to], i) => entity.fill(types[i]!, from, to + 1));
  return { words, lemmas: lemmas.map((l) => l.toLowerCase()), pos, negated, sentence, entity, sentences: spans.length };
}
