/**
 * The question `answer` and `hint` act on: the latest question shown to the user that they have not
 * answered — a practice question asked for after the channel's round was posted, else the channel's
 * open round (answered again, it is graded as practice).
 */
export function findOpenQuestion(d, userId, place) {
    const round = d.store.rounds.getOpenRound(place.channelId);
    const practice = d.store.practice.latestOpenPractice(userId, place.scopeId);
    const roundFresh = round && !d.store.answers.hasAnsweredRound(userId, round.id);
    if (practice && (!round || practice.shownAt >= round.postedAt || !roundFresh)) {
        const question = d.content.get(practice.questionId);
        if (question)
            return { kind: 'practice', prompt: practice, question };
    }
    if (round) {
        const question = d.content.get(round.questionId);
        if (question)
            return { kind: 'round', round, question };
    }
    return null;
}
/**
 * Resolves an Answer button's reference (`round:<id>`, `practice:<id>`) for this user and place.
 * A reference to another channel's round or another user's practice question resolves to null.
 */
export function resolveAnswerRef(d, ref, userId, place) {
    const m = /^(round|practice):(\d{1,15})$/.exec(ref);
    if (!m)
        return null;
    const id = Number(m[2]);
    if (m[1] === 'round') {
        const round = d.store.rounds.getRound(id);
        if (!round || round.channelId !== place.channelId || round.scopeId !== place.scopeId)
            return null;
        const question = d.content.get(round.questionId);
        return question ? { kind: 'round', round, question } : null;
    }
    const prompt = d.store.practice.getPracticePrompt(id);
    if (!prompt || prompt.userId !== userId || prompt.scopeId !== place.scopeId)
        return null;
    const question = d.content.get(prompt.questionId);
    return question ? { kind: 'practice', prompt, question } : null;
}
