/**
 * How much of a reference's weighted content an answer contains, term by term (stems, synonyms
 * and near spellings). Pure functions of the texts, deterministic.
 */
import { nearMatch } from './fuzzy.js';
import { buildRubric } from './rubric.js';
import { analyse, synonymOf } from './terms.js';
/** Credit for a term found only through a synonym group. */
const SYNONYM_CREDIT = 0.8;
/** Credit for a term found only as a near spelling. */
const FUZZY_CREDIT = 0.8;
function answerTerms(answer) {
    const analysis = analyse(answer);
    const stems = new Set(analysis.stems);
    const synonyms = new Set();
    for (const s of stems)
        synonyms.add(synonymOf(s));
    return { analysis, stems, synonyms };
}
/** How far (0..1) the answer contains one reference stem. */
function termCredit(term, a) {
    if (a.stems.has(term))
        return 1;
    if (a.synonyms.has(synonymOf(term)))
        return SYNONYM_CREDIT;
    for (const s of a.stems)
        if (nearMatch(term, s))
            return FUZZY_CREDIT;
    return 0;
}
/** Per-term credits of the rubric's terms for one answer. */
function termCredits(rubric, a) {
    const credits = new Map();
    for (const term of rubric.terms.keys())
        credits.set(term, termCredit(term, a));
    return credits;
}
/** Weighted share (0..1) of a weighted term set that the credits cover. */
function weightedRecall(terms, total, credits) {
    if (total <= 0)
        return 0;
    let got = 0;
    for (const [term, w] of terms)
        got += w * (credits.get(term) ?? 0);
    return got / total;
}
/**
 * Does this answer cover anything of the reference? The weighted share (0..1) of the
 * reference's content terms found in the answer (stemmed, with synonyms and near spellings), with
 * words of the question counting less when `question` is given. 0 means not one content word of
 * the reference; a stray everyday word gives a few hundredths, so "covers nothing" is best read
 * as `coverage(...) < 0.1`.
 */
export function coverage(reference, answer, question = '') {
    const rubric = buildRubric(question, reference, []);
    const credits = termCredits(rubric, answerTerms(answer));
    return weightedRecall(rubric.terms, rubric.total, credits);
}
