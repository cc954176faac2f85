/**
 * The scope of negations in one text, from wink-nlp's negation flags with the corrections the
 * offline grader needs:
 * - a scope ends where "and"/"or" starts a new predicate or clause ("has no fixed size and grows",
 *   "there is no conflict, and isolation lets both commit"), or ", so" a consequence;
 * - "without" denies its noun phrase only ("without an index it can lock more rows");
 * - "whether or not" negates nothing;
 * - a claim denied at the start of a sentence is denied to its end ("is not efficient because it
 *   needs less data, and ..."), though the model ends a scope at a comma, unless a contrast turns it
 *   ("but", "however", "whereas") or a new sentence part starts (";", ":"); a denial inside a
 *   clause opened by "if", "when", "because"... keeps the model's scope ("if the pods do not fit,
 *   the autoscaler adds a node" asserts the addition);
 * - "it is not true that X and Y" denies both X and Y;
 * - a denial inside a relative clause ("a user that does not exist is an expected outcome") ends
 *   where the clause does, at the sentence's own verb.
 */

const VERB_POS = new Set(['VERB', 'AUX']);
/** Words that turn a denied claim into an asserted one. */
const CONTRAST = new Set(['but', 'however', 'whereas', 'while', 'although', 'though', 'yet', 'instead', 'rather']);
/** Where a negation's scope stops early: a conjunction that starts a new predicate. */
const NEW_PREDICATE = new Set(['VERB', 'AUX', 'PRON']);
/** Pronouns that open a relative clause after a noun. */
const RELATIVE = new Set(['that', 'which', 'who', 'whom']);
/** Parts of speech that head a predicate ("does not exist", "is not idempotent"). */
const PREDICATE_HEAD = new Set(['VERB', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Tokens that may stand between a relative pronoun and the verb it denies ("that does not", "which never"). */
const VERB_GROUP = new Set(['AUX', 'PART', 'ADV']);

export interface TokenView {
  /** Lower-case token texts. */
  words: readonly string[];
  pos: readonly string[];
  types: readonly string[];
  /** wink-nlp's negation flags. */
  flags: readonly boolean[];
  /** Sentence spans, inclusive token indexes. */
  spans: readonly (readonly [number, number])[];
}

/** Whether each token stands under a negation. */
export function negationScope(t: TokenView): boolean[] {
  const { words, pos, types, spans } = t;
  const negated = t.flags.slice();
  for (let i = 2; i < negated.length; i++) {
    if (negated[i] && words[i - 1] === 'not' && words[i - 2] === 'or') {
      for (let j = i; j < negated.length && negated[j]; j++) negated[j] = false;
    }
  }
  /** "and"/"or" at token n opens a clause of its own: a verb follows before the next mark ("no conflict, and isolation lets both commit"). */
  const opensClause = (n: number): boolean => {
    if (pos[n] !== 'CCONJ') return false;
    if (NEW_PREDICATE.has(pos[n + 1] ?? '')) return true;
    for (let k = n + 2; k < words.length && types[k] !== 'punctuation'; k++) if (VERB_POS.has(pos[k]!)) return k > n + 2;
    return false;
  };
  for (let i = 1; i < negated.length; i++) {
    if (negated[i] && opensClause(i - 1)) {
      for (let j = i; j < negated.length && negated[j]; j++) negated[j] = false;
    }
  }
  // "no secrets in the repo, in images or in logs": a list of places or things after "no" stays denied past its commas.
  for (let i = 1; i < negated.length; i++) {
    if (negated[i] || words[i - 1] !== ',' || pos[i] !== 'ADP' || !negated[i - 2]) continue;
    let k = i - 2;
    while (k > 0 && negated[k]) k--;
    if (words[k] !== 'no') continue;
    for (let j = i; j < negated.length && types[j] !== 'punctuation' && !VERB_POS.has(pos[j]!); j++) negated[j] = true;
  }
  // "without" denies its noun phrase, not the predicate after it ("without an index, it can lock more rows").
  for (let i = 0; i < negated.length; i++) {
    if (words[i] !== 'without') continue;
    let head = false;
    for (let j = i + 1; j < negated.length && negated[j]; j++) {
      if (head && (VERB_POS.has(pos[j]!) || pos[j] === 'CCONJ' || pos[j] === 'SCONJ')) {
        for (let k = j; k < negated.length && negated[k]; k++) negated[k] = false;
        break;
      }
      if (['NOUN', 'PROPN', 'PRON', 'NUM'].includes(pos[j]!)) head = true;
    }
  }
  const deniesPredicate = (n: number): boolean => {
    const w = words[n]!;
    if (w === 'never' || w === 'cannot') return true;
    return (w === 'not' || w === "n't") && n > 0 && VERB_POS.has(pos[n - 1]!);
  };
  /** The denial at token n sits in a clause opened by "if", "when", "because"... and not yet closed by a comma: the model's own scope is right there. */
  const inSubordinateClause = (n: number, from: number): boolean => {
    for (let k = n - 1; k >= from; k--) {
      if (words[k] === ',' || words[k] === ';') return false;
      if (pos[k] === 'SCONJ' && words[k] !== 'that') return true;
    }
    return false;
  };
  /** "not true that ...", "not the case that ...": the whole clause that follows is denied. */
  const deniesClause = (n: number): boolean => {
    const next = words.slice(n, n + 3).join(' ');
    return /^(?:true|the case|correct|so) that\b/.test(next);
  };
  /** The denial at token n sits in a relative clause: "<noun> that [does] not ...". */
  const inRelativeClause = (n: number, from: number): boolean => {
    let k = n - 1;
    while (k > from && VERB_GROUP.has(pos[k]!) && !RELATIVE.has(words[k]!)) k--;
    return k > from && RELATIVE.has(words[k]!) && ['NOUN', 'PROPN', 'PRON'].includes(pos[k - 1]!);
  };
  for (const [from, to] of spans) {
    let on = false;
    let relative = false;
    let headSeen = false;
    let whole = false;
    for (let i = from; i <= to; i++) {
      const w = words[i]!;
      const newPredicate = !whole && i > from && opensClause(i - 1);
      // ", so ..." starts a consequence of its own.
      let ends = CONTRAST.has(w) || w === ';' || w === ':' || newPredicate || (w === 'so' && words[i - 1] === ',');
      // A relative clause ends at the next verb after the head of its denied predicate.
      if (on && relative && headSeen && VERB_POS.has(pos[i]!) && pos[i - 1] !== 'PART' && pos[i - 1] !== 'AUX') ends = true;
      if (ends && on) {
        on = false;
        whole = false;
        if (relative) for (let j = i; j <= to && negated[j]; j++) negated[j] = false;
      }
      if (negated[i] && !on && i > from && deniesPredicate(i - 1) && !inSubordinateClause(i - 1, from)) {
        on = true;
        relative = inRelativeClause(i - 1, from);
        whole = deniesClause(i);
        headSeen = PREDICATE_HEAD.has(pos[i]!);
      } else if (on && PREDICATE_HEAD.has(pos[i]!)) headSeen = true;
      if (on && types[i] !== 'punctuation') negated[i] = true;
      else if (newPredicate || CONTRAST.has(w)) negated[i] = false;
    }
  }
  return negated;
}

/**
 * The words of each alternative set aside by "rather than", "instead of" or "as opposed to" (a
 * phrase, which a gerund may head, up to a mark, a conjunction or the next verb). Such a word is
 * neither asserted nor plainly denied: "abstractions rather than concrete classes", "abstractions,
 * not concrete classes" and "avoid jargon" against "plain words instead of jargon" all agree.
 */
export function alternativeScope(t: Pick<TokenView, 'words' | 'pos' | 'types'>): boolean[] {
  const set = t.words.map(() => false);
  for (let i = 0; i < t.words.length; i++) if (opensAlternative(t.words, i)) denyAlternative(set, t.pos, t.types, i + 1);
  return set;
}

/** Token i ends "rather than", "instead of" or "as opposed to". */
function opensAlternative(words: readonly string[], i: number): boolean {
  const w = words[i];
  return (w === 'than' && words[i - 1] === 'rather') || (w === 'of' && words[i - 1] === 'instead') || (w === 'to' && words[i - 1] === 'opposed' && words[i - 2] === 'as');
}

/** Marks the alternative that starts at token `from`. */
function denyAlternative(negated: boolean[], pos: readonly string[], types: readonly string[], from: number): void {
  for (let j = from; j < negated.length; j++) {
    if (types[j] === 'punctuation' || pos[j] === 'CCONJ' || pos[j] === 'SCONJ') return;
    if (j > from && VERB_POS.has(pos[j]!)) return;
    negated[j] = true;
  }
}
