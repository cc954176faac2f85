/** Words too common to tie a sentence to a key point. */
const COMMON = new Set(
  'a an and are as at be by can for from has have how in into is it its may more most not of on or that the their them then there these they this to was what when where which while who why will with without you your than also such each other only one'.split(' '),
);

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !COMMON.has(w));

/** A word and its simple inflections as one key ("retrieves", "retrieved" -> "retriev"). */
const stem = (w: string): string => w.replace(/(?:ings?|ed|es|s)$/u, '').slice(0, 7);

/**
 * The part of a reference answer about one key point: its sentences (at most `max`) that share the
 * most words with the key point, in their order in the reference. A follow-up answer is graded
 * against the key point and this part, not the whole reference. When no sentence shares a word,
 * the key point itself stands in.
 */
export function referencePart(reference: string, keyPoint: string, max = 2): string {
  const sentences = reference
    .replace(/^#+ .*$/gm, ' ')
    .split(/(?<=[.!?])\s+|\n\s*[-*]\s+|\n{2,}/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
  const key = new Set(words(keyPoint).map(stem));
  const scored = sentences
    .map((s, i) => ({ s, i, score: new Set(words(s).map(stem).filter((w) => key.has(w))).size }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return scored.length ? scored.map((x) => x.s).join(' ') : keyPoint;
}
