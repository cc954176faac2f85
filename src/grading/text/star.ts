/**
 * Reading a behavioural answer's STAR structure (Situation, Task, Action, Result, plus a
 * Reflection) from cues the model gives, for questions whose front matter says `rubric: star`.
 *
 * A key point written as an instruction about the answer ("Describes a specific disagreement...",
 * "States a measurable result", "Reflects on what they learned") is a structure point; which part
 * of the story it asks for follows from its words (see `starParts`). The answer is read once for
 * each part's cues:
 * - situation: a first-person story told in the past tense, with concrete detail (names, numbers,
 *   dates: the model's proper nouns and entities);
 * - task: the member's own role or responsibility ("I owned", "my role", "I had to");
 * - action: distinct things the member did, a past-tense verb whose subject is "I" (a "we" counts
 *   a third);
 * - result: an outcome (a change or delivery verb) with a number, amount or duration;
 * - reflection: what the member learned or would do differently.
 * Denied words ("I did not ship") are no cue. The cues say what shape the story has; whether it is
 * true, or a good answer to the question, is beyond them.
 */
import { readText, type StoryTokens } from './nlp.js';

export const STAR_PARTS = ['situation', 'task', 'action', 'result', 'reflection'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

/** How strongly (0..1) the answer shows each part. */
export type StarCues = Record<StarPart, number>;

/** Distinct first-person actions for full action credit. */
const ACTIONS_FULL = 6;
/** Concrete details (names, numbers, dates) for full situation detail. */
const DETAILS_FULL = 4;
/** Situation credit of a first-person story told in the past without concrete detail. */
const NARRATIVE = 0.4;
/** What one of "our" actions counts against one of "my" actions. */
const WE_SHARE = 0.25;
/** Credit of an outcome stated without a number, and of a number beside no outcome word. */
const OUTCOME_ALONE = 0.5;

/** Verbs that report an outcome or a change. */
const OUTCOME = new Set(
  'ship deliver launch release finish complete reduce cut drop fall decrease increase rise grow improve save double halve lower raise shrink recover resolve fix adopt win avoid prevent'.split(' '),
);
/** Words of reflection. */
const REFLECTION = new Set('learn lesson realise realize hindsight differently reflect teach taught'.split(' '));
/** Reflection words that are verbs, a cue only in a past form ("learned", "taught", "realised"). */
const VERB_CUES = new Set(['learn', 'realise', 'realize', 'teach', 'reflect']);
/** Words of the member's own role: nouns after "my" or "I was", verbs after "I". */
const ROLE_NOUNS = new Set('role responsible responsibility owner lead job charge'.split(' '));
const ROLE_VERBS = new Set(['own', 'lead']);
/** Lead verbs of a structure point that ask for the outcome. */
const RESULT_LEADS = new Set(['state', 'quantify', 'show']);
/** Verbs that tell no action ("I had", "we were"). */
const STATIVE = new Set(['be', 'have']);
const SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they', 'it', 'you', 'who', 'that', 'which']);
/** Entities that are amounts even without a number token ("$3k", "40%"). */
const MEASURE = new Set(['PERCENT', 'MONEY']);
const FIRST_PERSON = new Set(['i', 'my', 'me', 'we', 'our', 'us']);
/** The model's name for "I". */
const isI = (word: string) => word === 'i';

/** A verb in a past form: the text differs from its lemma and is not a present "-s" or "-ing" form. */
function pastForm(word: string, lemma: string): boolean {
  return word !== lemma && !/(?:s|ing)$/.test(word);
}

/**
 * The parts of the story a key point asks for, from its words and whether it is the question's
 * first key point. A structure point opens with a
 * verb in the present third person ("Describes", "States", "Reflects"); any other key point is
 * question-specific substance ("Sought the colleague's view...") and gets no parts. Of the
 * structure points, one that speaks of reflecting or learning asks for a reflection; one that
 * opens with "States", "Quantifies" or "Shows" asks for the result; the first key point sets the
 * scene (the situation, and the task when it names the member's role); any other asks for what
 * the member did.
 */
export function starParts(keyPoint: string, first: boolean): StarPart[] {
  // Read as "It describes ...", so that the model takes the first word for the verb it is.
  const t = readText(`It ${keyPoint.charAt(0).toLowerCase()}${keyPoint.slice(1)}`, { story: true }).tokenView!;
  const lead = t.pos[1] === 'VERB' && t.words[1] !== t.lemmas[1] && t.words[1]!.endsWith('s');
  if (!lead) return [];
  const parts: StarPart[] = [];
  const reflects = t.lemmas.some((l, i) => REFLECTION.has(l) && (l !== 'learn' || pastForm(t.words[i]!, l)));
  if (RESULT_LEADS.has(t.lemmas[1]!)) parts.push('result');
  if (reflects) parts.push('reflection');
  if (parts.length > 0) return parts;
  if (!first) return ['action'];
  return t.lemmas.includes('role') ? ['situation', 'task'] : ['situation'];
}

/** The story cues of an answer; sentences marked `skip` (heaps of words, not claims) give none. */
export function starCues(t: StoryTokens, skip: readonly boolean[] = []): StarCues {
  const firstPerson = new Array<boolean>(t.sentences).fill(false);
  t.words.forEach((w, i) => {
    if (FIRST_PERSON.has(w) && t.pos[i] === 'PRON') firstPerson[t.sentence[i]!] = true;
  });
  const subjects = verbSubjects(t);
  const actions = new Set<string>();
  const ours = new Set<string>();
  let role = false;
  let reflection = 0;
  const details = new Set<string>();
  const outcomeIn = new Set<number>();
  const measureIn = new Set<number>();
  const fromTo = new Array<number>(t.sentences).fill(0);
  for (let i = 0; i < t.words.length; i++) {
    const w = t.words[i]!;
    const lemma = t.lemmas[i]!;
    const pos = t.pos[i]!;
    const s = t.sentence[i]!;
    if (t.negated[i] || skip[s]) continue;
    if (pos === 'PROPN' && !isI(w)) details.add(lemma);
    if (t.entity[i] !== '' && t.entity[i - 1] !== t.entity[i]) details.add(`${t.entity[i]}:${i}`);
    if (MEASURE.has(t.entity[i]!) || (pos === 'NUM' && w !== 'one' && t.entity[i] !== 'DATE')) measureIn.add(s);
    if (w === 'from' && fromTo[s] === 0) fromTo[s] = 1;
    else if (w === 'to' && fromTo[s] === 1 && pos !== 'PART') fromTo[s] = 2;
    if (pos === 'NUM' && fromTo[s] === 2) fromTo[s] = 3;
    if (pos === 'VERB' && OUTCOME.has(lemma) && pastForm(w, lemma) && t.words[i - 1] !== 'to') outcomeIn.add(s);
    if ((pos === 'ADJ' || pos === 'ADV') && /(?:er|est)$/.test(w) && w !== lemma) outcomeIn.add(s);
    // "my role", "I was responsible", "I owned", "I had to".
    if (ROLE_NOUNS.has(lemma) && (t.words[i - 1] === 'my' || (isI(t.words[i - 2] ?? '') && t.pos[i - 1] === 'AUX'))) role = true;
    const subject = subjects[i];
    if (isI(subject ?? '') && pastForm(w, lemma) && (ROLE_VERBS.has(lemma) || (STATIVE.has(lemma) && t.words[i + 1] === 'to'))) role = true;
    // "I learned", "the lesson", "differently": not "I had to learn".
    if (REFLECTION.has(lemma) && (!VERB_CUES.has(lemma) || pastForm(w, lemma))) reflection = Math.max(reflection, firstPerson[s] ? 1 : OUTCOME_ALONE);
    if (w === 'next' && t.words[i + 1] === 'time' && firstPerson[s]) reflection = 1;
    if (subject === undefined || !pastForm(w, lemma) || STATIVE.has(lemma)) continue;
    if (isI(subject)) actions.add(lemma);
    else if (subject === 'we') ours.add(lemma);
  }
  // "went from ninety minutes to twenty-five": a change between two numbers.
  for (let s = 0; s < t.sentences; s++) if (fromTo[s] === 3) outcomeIn.add(s);
  let result = 0;
  for (const s of outcomeIn) result = Math.max(result, measureIn.has(s) ? 1 : OUTCOME_ALONE);
  if (result === 0 && measureIn.size > 0 && [...measureIn].some((s) => s >= t.sentences / 2)) result = OUTCOME_ALONE;
  for (const a of actions) ours.delete(a);
  const detail = Math.min(1, details.size / DETAILS_FULL);
  const narrative = actions.size + ours.size > 0;
  return {
    situation: narrative ? NARRATIVE + (1 - NARRATIVE) * detail : 0,
    task: role ? 1 : 0,
    action: Math.min(1, (actions.size + ours.size * WE_SHARE) / ACTIONS_FULL),
    result,
    reflection,
  };
}

/**
 * The subject of each verb, approximated without a parse: the nearest noun or subject pronoun
 * before it in its sentence ("I" in "I asked", "manager" in "I told my manager he"), or, for a verb
 * joined by "and"/"or", the subject of the verb before ("I stopped replying and asked"). Only
 * "i" and "we" matter to the cues; any other subject is ''.
 */
function verbSubjects(t: StoryTokens): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(t.words.length).fill(undefined);
  let nominal = '';
  let lastSubject = '';
  for (let i = 0; i < t.words.length; i++) {
    if (i > 0 && t.sentence[i] !== t.sentence[i - 1]) [nominal, lastSubject] = ['', ''];
    const w = t.words[i]!;
    const pos = t.pos[i]!;
    if (pos === 'PRON' && SUBJECTS.has(w)) nominal = w;
    else if (pos === 'NOUN' || pos === 'PROPN') nominal = 'other';
    // "I did the patch first": the model takes every "did" for an auxiliary.
    const verb = pos === 'VERB' || (w === 'did' && !['VERB', 'PART', 'ADV'].includes(t.pos[i + 1] ?? ''));
    if (!verb || t.words[i - 1] === 'to' || t.pos[i - 1] === 'DET') continue;
    const joined = t.pos[i - 1] === 'CCONJ' || (t.pos[i - 1] === 'ADV' && t.pos[i - 2] === 'CCONJ');
    const subject = joined && lastSubject !== '' ? lastSubject : nominal;
    out[i] = subject === 'i' || subject === 'we' ? subject : '';
    lastSubject = subject;
  }
  return out;
}

/** A structure point's cue credit: the mean of its parts' cues. */
export function partsCredit(parts: readonly StarPart[], cues: StarCues): number {
  if (parts.length === 0) return 0;
  return parts.reduce((sum, p) => sum + cues[p], 0) / parts.length;
}
