import { echoes, LIST_MAX_STOP_SHARE, LIST_MIN_TOKENS, matchPoint, prepareAnswer } from './claims.js';
import { readText } from './nlp.js';
import { partsCredit, starCues } from './star.js';
/**
 * A key point is mentioned from this credit, partly mentioned from `partlyAt`; below, it earns
 * nothing. It earns its full weight from `fullAt`. Points guessed from the reference's clauses (no
 * key points) are short and loose, so any credit counts there, and less of it is full.
 */
const MENTIONED_AT = 0.5;
const KEYED = { partlyAt: 0.25, fullAt: 0.7 };
const DERIVED = { partlyAt: 0, fullAt: 0.5 };
/**
 * What the answer's breadth adds to the key points' share, at most as much again as they earned:
 * breadth is how much of the reference's content (beyond the question and hint) the answer states
 * in claims of its own (sentences without a denial, not heaps of words, not echoes), outside the
 * words that already earned a key point. Strong answers
 * put most key points in their own words, which the key-point match sees only in part; they still
 * cover much of what the reference covers. An answer that mentions no key idea gains nothing.
 */
const BREADTH = 0.5;
/** Reference words of its own an answer offers per key point it does not state, for full breadth. */
const WORDS_PER_POINT = 4;
function breadth(rubric, a, used, unstated) {
    if (unstated <= 0)
        return 0;
    const seen = new Set();
    const denies = new Set(a.read.words.filter((w) => w.negated).map((w) => w.sentence));
    let got = 0;
    a.read.words.forEach((w, i) => {
        if (used.has(w.at) || denies.has(w.sentence) || a.factor[i] < 1 || seen.has(w.key))
            return;
        seen.add(w.key);
        got += rubric.referenceTerms.get(w.key) ?? 0;
    });
    return Math.min(1, got / (WORDS_PER_POINT * unstated));
}
/** A sentence this much of whose words echo the question or hint gives no story cues. */
const ECHOED_SENTENCE = 0.75;
/**
 * Words that state one key point are weak evidence for another that merely shares some of them: a
 * point only partly mentioned, whose evidence another point (with more credit) already used, keeps
 * (1 - SHARED_DISCOUNT x the used share) of its credit. A short answer that states two points is
 * then not also "partly" every neighbouring point; a long answer that puts each point in its own
 * words keeps its partial credits.
 */
const SHARED_DISCOUNT = 0.5;
function shareEvidence(matches) {
    const order = matches.map((m, i) => i).sort((a, b) => matches[b].credit - matches[a].credit);
    const used = new Set();
    const out = matches.slice();
    for (const i of order) {
        const m = matches[i];
        if (m.credit > 0 && m.credit < MENTIONED_AT && m.evidence.length > 0) {
            const shared = m.evidence.filter((at) => used.has(at)).length / m.evidence.length;
            out[i] = { ...m, credit: m.credit * (1 - SHARED_DISCOUNT * shared) };
        }
        for (const at of m.evidence)
            used.add(at);
    }
    return out;
}
/** Share of its weight a reversed key point takes off the answer's total. */
const REVERSED_PENALTY = 0.5;
export function assess(rubric, answer) {
    const { partlyAt, fullAt } = rubric.derived ? DERIVED : KEYED;
    const read = readText(answer, { story: rubric.story });
    const empty = read.words.length === 0;
    const echo = echoes(read, rubric);
    const prepared = prepareAnswer(read, echo);
    // Story cues come from sentences that are claims of the member's own, not heaps or (mostly) echoes.
    const echoed = new Array(read.sentences).fill(0);
    read.words.forEach((w, i) => {
        if (echo[i])
            echoed[w.sentence] += 1 / read.sentenceWords[w.sentence];
    });
    const cues = read.tokenView ? starCues(read.tokenView, prepared.claimless.map((heap, s) => heap || echoed[s] >= ECHOED_SENTENCE)) : undefined;
    const states = [];
    const credits = [];
    let earned = 0;
    let total = 0;
    const matches = shareEvidence(rubric.points.map((p) => matchPoint(p, prepared)));
    for (const [index, p] of rubric.points.entries()) {
        let m = matches[index];
        let fraction = Math.min(1, m.credit / fullAt);
        // A story's structure point: its words, or its cues (each already on its own 0..1 scale),
        // whichever shows more; words never reverse it.
        if (cues && p.star.length > 0) {
            const cue = partsCredit(p.star, cues);
            m = { ...m, credit: Math.max(m.credit, cue), contradicted: 0 };
            fraction = Math.max(fraction, cue);
        }
        const weight = p.weight;
        total += weight;
        let state;
        if (m.contradicted > 0) {
            state = 'reversed';
            earned -= REVERSED_PENALTY * weight;
        }
        else if (m.credit >= MENTIONED_AT)
            state = 'mentioned';
        else if (m.credit >= partlyAt && m.credit > 0)
            state = 'partly';
        else
            state = 'missed';
        if (state === 'mentioned' || state === 'partly')
            earned += weight * fraction;
        states.push(state);
        credits.push(state === 'reversed' ? 0 : m.credit);
    }
    const restatesQuestion = !empty && read.words.every((w) => rubric.given.has(w.key));
    const listLike = read.tokens >= LIST_MIN_TOKENS && read.stopShare < LIST_MAX_STOP_SHARE;
    const pointsShare = total > 0 ? Math.max(0, earned) / total : 0;
    // Breadth counts what the key-point match has not already credited.
    const used = new Set(matches.flatMap((m) => m.evidence));
    const unstated = states.reduce((n, st) => n + (st === 'mentioned' ? 0 : st === 'partly' ? 0.5 : 1), 0);
    const wide = rubric.referenceTotal > 0 ? breadth(rubric, prepared, used, unstated) : 0;
    const share = Math.min(1, pointsShare + Math.min(pointsShare, BREADTH * wide));
    return { share, pointsShare, breadth: wide, states, credits, restatesQuestion, listLike, empty };
}
