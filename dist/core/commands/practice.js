import { findOpenQuestion } from '../open-question.js';
import { error, text } from '../replies.js';
import { HINT_CAP } from '../scoring.js';
export const quiz = {
    verb: 'quiz',
    admin: false,
    usage: 'quiz [topic]',
    summary: 'a private practice question chosen for you by spaced repetition',
    options: [{ name: 'topic', description: 'Only questions of this topic', autocomplete: 'topic' }],
    run({ deps, practice, actor, place, args }) {
        const topic = args.trim().toLowerCase();
        let pool = deps.content.all();
        if (topic) {
            pool = pool.filter((q) => q.topic === topic || q.pack === topic);
            if (pool.length === 0) {
                const known = deps.content.topics().map((t) => t.topic);
                return [error(`There is no topic "${args.trim()}". Topics: ${known.join(', ')}.`)];
            }
        }
        const current = deps.store.practice.latestOpenPractice(actor.id, place.scopeId);
        const question = practice.pick(actor.id, place.scopeId, pool, current?.questionId);
        if (!question)
            return [error('There are no questions to practise.')];
        const prompt = deps.store.practice.createPracticePrompt({
            userId: actor.id,
            scopeId: place.scopeId,
            channelId: place.channelId,
            questionId: question.id,
            shownAt: deps.clock.now(),
        });
        const reply = {
            kind: 'question',
            visibility: 'private',
            answerRef: `practice:${prompt.id}`,
            mode: 'practice',
            questionId: question.id,
            prompt: question.prompt,
            topic: question.topic,
            difficulty: question.difficulty,
            pack: question.pack,
            answerCount: 0,
        };
        return [reply];
    },
};
/** A nudge toward the first key point the person is likely to miss, without giving it away. */
function hintFor(question) {
    if (question.hint)
        return question.hint;
    const first = question.keyPoints[0]?.text ?? question.prompt;
    const words = first.split(/\s+/);
    return `Think about this idea: ${words.slice(0, Math.max(2, Math.ceil(words.length / 3))).join(' ')}...`;
}
export const hint = {
    verb: 'hint',
    admin: false,
    usage: 'hint',
    summary: 'a hint for your open question',
    options: [],
    run({ deps, actor, place }) {
        const open = findOpenQuestion(deps, actor.id, place);
        if (!open)
            return [error('You have no open question to give a hint for. Ask for one with quiz.')];
        const lines = [`Hint for "${open.question.prompt}": ${hintFor(open.question)}`];
        if (open.kind === 'practice') {
            deps.store.practice.markPracticeHinted(open.prompt.id);
        }
        else if (open.round.status === 'open' && !deps.store.answers.hasAnsweredRound(actor.id, open.round.id)) {
            deps.store.practice.markRoundHinted(actor.id, open.round.id);
            lines.push(`With a hint, today's round earns at most ${HINT_CAP} points.`);
        }
        return [text(lines.join('\n'))];
    },
};
