/** Words as compared for quoting: lower case letters and digits of any script. */
const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** How many words in a row, taken from a member's answer, make a quote. */
const QUOTE_WORDS = 6;

function runs(words: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/**
 * Whether a sentence about a round may be posted in the channel: it names none of the round's
 * members and quotes no answer (six words in a row from an answer, unless the question, reference
 * or key points have them too), and it carries no mention or link syntax.
 */
export function isAnonymous(sentence: string, o: { answers: readonly string[]; names: readonly string[]; material: string }): boolean {
  if (/[<>@]|https?:\/\//i.test(sentence)) return false;
  const words = wordsOf(sentence);
  const padded = ` ${words.join(' ')} `;
  for (const name of o.names) {
    const n = wordsOf(name).join(' ');
    if (n.length >= 2 && padded.includes(` ${n} `)) return false;
  }
  const allowed = runs(wordsOf(o.material), QUOTE_WORDS);
  const said = runs(words, QUOTE_WORDS);
  for (const answer of o.answers) {
    for (const run of runs(wordsOf(answer), QUOTE_WORDS)) if (said.has(run) && !allowed.has(run)) return false;
  }
  return true;
}
