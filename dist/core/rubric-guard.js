/** True while a round of this question is open in the scope and the member has not answered it. */
export function rubricHidden(d, userId, scopeId, questionId) {
    return d.store.rounds.listOpenRounds().some((r) => r.scopeId === scopeId && r.questionId === questionId && !d.store.answers.hasAnsweredRound(userId, r.id));
}
/** Questions whose rubric the member may not see yet in the scope (for the practice picker). */
export function hiddenQuestionIds(d, userId, scopeId) {
    const ids = new Set();
    for (const r of d.store.rounds.listOpenRounds()) {
        if (r.scopeId === scopeId && !d.store.answers.hasAnsweredRound(userId, r.id))
            ids.add(r.questionId);
    }
    return ids;
}
const HIDDEN_NOTE = "This question is today's question here and you have not answered it yet, so its key points stay hidden until you do (or the round closes).";
/** A key point's text as a numbered idea, for a member who may not see it yet. */
export function keyIdea(question, text) {
    const points = question?.keyPoints ?? [];
    const i = points.findIndex((k) => k.text === text);
    return i >= 0 ? `Key idea ${i + 1} of ${points.length}` : 'A key idea';
}
/** The grade reply with its key points numbered, not named, and neutral advice. */
export function withRubricHidden(reply, question) {
    const hide = (list) => list.map((t) => keyIdea(question, t));
    return {
        ...reply,
        covered: hide(reply.covered),
        partly: hide(reply.partly),
        missed: hide(reply.missed),
        feedback: `${reply.covered.length} of ${reply.covered.length + reply.partly.length + reply.missed.length} key ideas.`,
        notes: [...reply.notes, HIDDEN_NOTE],
    };
}
