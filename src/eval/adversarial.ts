/**
 * Answers that try to win a grade without knowing the answer, made from any question's own
 * material, plus honest strong answers to compare with. Deterministic: the shuffle is seeded by the
 * question id.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Question } from '../core/model.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

const sentences = (text: string): string[] =>
  text
    .replace(/\*\*|`|^#.*$/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));

const AUX = /\b(is|are|was|were|can|could|will|would|should|must|does|do|did|has|have|had|may|might)\b/i;

/**
 * One sentence (or list item) with its claim negated: "not" after its first auxiliary ("is not",
 * "can not"), else "does not" / "do not" / "did not" before its first finite verb ("does not use",
 * "did not ship"), "Do not ..." before an instruction, else "It is not true that ...". A predicate joined by "and" or "or" without a
 * subject of its own is negated too ("did not stop ... and did not ask"); in a sentence that opens
 * with "If ...," or "When ...," the claim after the comma is negated.
 */
function negateSentence(sentence: string, inMainClause = false): string {
  const aux = AUX.exec(sentence);
  const tokens = nlp.readDoc(sentence).tokens();
  const out = tokens.out.bind(tokens) as (f?: unknown) => string[];
  const pos = out(its.pos);
  const words = out();
  const lemmas = out(its.lemma);
  const at: number[] = [];
  let from = 0;
  for (const w of words) {
    const found = sentence.indexOf(w, from);
    at.push(found);
    if (found >= 0) from = found + w.length;
  }
  const finite = (i: number) => pos[i] === 'VERB' && at[i]! >= 0 && /^[a-z]+$/.test(words[i]!) && !/ing$/.test(words[i]!);
  const verbs: number[] = [];
  // A sentence that opens with "If ...," or "When ...," makes its claim after the comma.
  const comma = words.indexOf(',');
  if (!inMainClause && pos[0] === 'SCONJ' && comma > 0 && (at[comma + 1] ?? -1) > 0) {
    const rest = sentence.slice(at[comma + 1]!);
    return `${sentence.slice(0, at[comma + 1]!)}${negateSentence(rest, true)}`;
  }
  for (let i = 1; i < words.length; i++) {
    if (verbs.length === 0 && finite(i) && !['DET', 'ADP', 'ADJ', 'PUNCT', 'PART', 'AUX'].includes(pos[i - 1]!)) verbs.push(i);
    else if (verbs.length > 0 && finite(i) && pos[i - 1] === 'CCONJ') verbs.push(i);
  }
  const negateVerb = (text: string, i: number): string => {
    const w = words[i]!;
    const does = w === lemmas[i] ? 'do' : /s$/.test(w) ? 'does' : 'did';
    return `${text.slice(0, at[i]!)}${does} not ${lemmas[i]!}${text.slice(at[i]! + w.length)}`;
  };
  if (aux && (verbs.length === 0 || aux.index < at[verbs[0]!]!)) {
    let text = sentence;
    for (const i of verbs.filter((v) => at[v]! > aux.index).reverse()) if (pos[i - 1] === 'CCONJ') text = negateVerb(text, i);
    return `${text.slice(0, aux.index + aux[0].length)} not${text.slice(aux.index + aux[0].length)}`;
  }
  // An instruction ("Distinguish ...", "Use ...") is negated as "Do not ...".
  if (pos[0] === 'VERB' && words[0]!.toLowerCase() === lemmas[0] && at[0] === 0) return `Do not ${sentence[0]!.toLowerCase()}${sentence.slice(1)}`;
  if (verbs.length === 0) return `It is not true that ${sentence[0]!.toLowerCase()}${sentence.slice(1)}`;
  return verbs.reduceRight((text, i) => negateVerb(text, i), sentence);
}

/**
 * A sentence's clauses, each negated: the parts between semicolons, the claim after a short label
 * ("Action: I stopped ..." keeps "Action:" and negates what follows), and each clause joined by a
 * comma and "and", "but", "so", "or", "while" or "whereas".
 */
function negateClauses(sentence: string): string {
  return sentence
    .split(/;\s+/)
    .map((part) => {
      const labelled = /^([^:]{1,40}):\s+(\S.*)$/.exec(part);
      const [label, claim] = labelled ? [`${labelled[1]}: `, labelled[2]!] : ['', part];
      const pieces = claim.split(/(,\s+(?:and|but|so|or|yet|while|whereas)\s+)/);
      return label + pieces.map((piece, i) => (i % 2 === 1 || !/\p{L}/u.test(piece) ? piece : negateSentence(piece))).join('');
    })
    .join('; ');
}

/** The reference with every clause's claim negated ("dropout is not ...", "does not use ..."). */
export function negatedReference(q: Question): string {
  return sentences(q.reference).map(negateClauses).join(' ');
}

function seeded(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

const FILLER_STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'into', 'such', 'are', 'its', 'their', 'than', 'they', 'which', 'when', 'not', 'but', 'can', 'has', 'have', 'each', 'per']);

/**
 * Every content word of the key points, shuffled, joined by filler: "The X of the Y the Z of the W
 * ...", as one run-on sentence, or split by commas or by full stops.
 */
export function fillerStuffed(q: Question, joint: 'run-on' | 'commas' | 'full stops' = 'run-on'): string {
  const words = [...new Set(q.keyPoints.flatMap((k) => k.text.toLowerCase().match(/[a-z][a-z0-9-]{2,}/g) ?? []))].filter((w) => !FILLER_STOP.has(w));
  const random = seeded(q.id);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += 2) parts.push(words[i + 1] ? `the ${words[i]} of the ${words[i + 1]}` : `the ${words[i]}`);
  const text = parts.join(joint === 'commas' ? ', ' : joint === 'full stops' ? '. ' : ' ').replace(/\. the/g, '. The');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The question given back as the answer, alone, twice, and wrapped in a sentence. */
export function questionEchoes(q: Question): string[] {
  return [q.prompt, `${q.prompt} ${q.prompt}`, `You ask: ${q.prompt} In other words, ${q.prompt[0]!.toLowerCase()}${q.prompt.slice(1)}`];
}

/** Answers that say nothing about the question. */
export const NOTHING = [
  'I am not sure about this one; I have not studied it yet.',
  'Good question! I would have to look it up before I could answer it properly.',
  'This came up at work once but honestly I could not explain it to you right now.',
];

/** Honest strong answers: the reference itself, and the key points restated in sentences. */
export function strongAnswers(q: Question): string[] {
  const restated = q.keyPoints.map((k) => {
    const t = k.text.trim().replace(/[.;:]$/, '');
    return `${t[0]!.toUpperCase()}${t.slice(1)}.`;
  });
  return [q.reference, restated.join(' ')];
}
