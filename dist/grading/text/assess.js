import { LIST_MAX_STOP_SHARE, LIST_MIN_TOKENS, matchPoint, prepareAnswer } from './claims.js';
import { readText } from './nlp.js';
/**
 * A key point is mentioned from this credit, partly mentioned from `partlyAt`; below, it earns
 * nothing. It earns its full weight from `fullAt`. Points guessed from the reference's clauses (no
 * key points) are short and loose, so any credit counts there, and less of it is full.
 */
const MENTIONED_AT = 0.5;
const KEYED = { partlyAt: 0.25, fullAt: 0.7 };
const DERIVED = { partlyAt: 0, fullAt: 0.5 };
/** Share of its weight a reversed key point takes off the answer's total. */
const REVERSED_PENALTY = 0.5;
export function assess(rubric, answer) {
    const { partlyAt, fullAt } = rubric.derived ? DERIVED : KEYED;
    const read = readText(answer);
    const empty = read.words.length === 0;
    const prepared = prepareAnswer(read);
    const states = [];
    const credits = [];
    let earned = 0;
    let total = 0;
    for (const p of rubric.points) {
        const m = matchPoint(p, prepared);
        total += p.weight;
        let state;
        if (m.contradicted > 0) {
            state = 'reversed';
            earned -= REVERSED_PENALTY * p.weight;
        }
        else if (m.credit >= MENTIONED_AT)
            state = 'mentioned';
        else if (m.credit >= partlyAt && m.credit > 0)
            state = 'partly';
        else
            state = 'missed';
        if (state === 'mentioned' || state === 'partly')
            earned += p.weight * Math.min(1, m.credit / fullAt);
        states.push(state);
        credits.push(state === 'reversed' ? 0 : m.credit);
    }
    const restatesQuestion = !empty && read.words.every((w) => rubric.given.has(w.key));
    const listLike = read.tokens >= LIST_MIN_TOKENS && read.stopShare < LIST_MAX_STOP_SHARE;
    const share = total > 0 ? Math.max(0, earned) / total : 0;
    return { share, states, credits, restatesQuestion, listLike, empty };
}
