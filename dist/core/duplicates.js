import { quote } from './display.js';
import { answerHash, normalizeText } from './normalize.js';
import { notifyAdmins } from './notify.js';
/**
 * Other members' earlier answers in the same round whose normalised text (case, spacing and
 * punctuation ignored) equals this one. Answers are private, so two identical ones usually mean
 * one was shared: the later grade is flagged `duplicate_answer` and the admins are told.
 */
export function sameAnswers(d, answer) {
    if (answer.roundId === null)
        return [];
    return d.store.records.sameAnswerInRound(answer.roundId, answerHash(answer.text), answer.userId, answer.id);
}
/** Answers shorter than this (normalised words) may match by chance ("LIFO"), so they keep their grade. */
const COPY_MIN_WORDS = 5;
/**
 * The grade of an answer that is the same as another member's earlier answer in the round: it only
 * echoes that answer, so it earns nothing, and says so without naming anyone. Short answers that can
 * match by chance keep their grade (still flagged).
 */
export function gradeOfCopy(grade, answer) {
    const flags = [...grade.flags.filter((f) => f !== 'duplicate_answer'), 'duplicate_answer'];
    if (normalizeText(answer.text).split(' ').length < COPY_MIN_WORDS)
        return { ...grade, flags };
    return {
        ...grade,
        score: 0,
        covered: [],
        partly: [],
        missed: [...grade.covered, ...(grade.partly ?? []), ...grade.missed],
        feedback: "This answer is the same as another member's earlier answer in this round, so it earns nothing. Answer in your own words.",
        flags,
    };
}
/** Tells the admins about pairs not reported before (once per pair of members and round). */
export async function reportSameAnswers(d, answer, question, others) {
    const { store, clock } = d;
    if (answer.roundId === null)
        return;
    const fresh = others.filter((o) => store.records.recordDuplicate(answer.roundId, o.userId, answer.userId, answer.id, clock.now()));
    if (fresh.length === 0)
        return;
    const name = (id) => store.channels.getUser(id)?.name ?? id;
    const round = store.rounds.getRound(answer.roundId);
    const earlier = fresh.map((o) => `${name(o.userId)} (answer #${o.answerId})`).join(', ');
    d.logger.info({ answerId: answer.id, roundId: answer.roundId, others: fresh.map((o) => o.answerId) }, 'same answer in a round');
    await notifyAdmins(d, answer.channelId, `${name(answer.userId)} (answer #${answer.id}) sent the same answer as ${earlier}, ignoring case, spacing and punctuation, in the round of ${round?.localDate ?? '?'}: "${quote(question?.prompt ?? answer.questionId, 200)}". Answers are private, so it may have been shared; the later grade is flagged as a duplicate.`);
}
