import { cmd } from '../command-text.js';
import { findOpenQuestion } from '../open-question.js';
import { practiceQuestionReply } from '../practice.js';
import { hiddenQuestionIds } from '../rubric-guard.js';
import { error, text } from '../replies.js';
import { HINT_CAP } from '../scoring.js';
import type { Question } from '../model.js';
import type { Command } from './command.js';

export const quiz: Command = {
  verb: 'quiz',
  admin: false,
  usage: 'quiz [topic]',
  summary: 'a private practice question chosen for you by spaced repetition',
  options: [{ name: 'topic', description: 'Only questions of this topic', autocomplete: 'topic' }],
  run({ deps, practice, actor, place, args }) {
    if (deps.store.interviews.activeInterview(actor.id)) {
      return [error(`You are in a mock interview: answer its question, or end it with ${cmd(place.platform, 'interview stop')}, before asking for a practice question.`)];
    }
    const topic = args.trim().toLowerCase();
    let pool = deps.content.all(place.scopeId);
    if (topic) {
      pool = pool.filter((q) => q.topic === topic || q.pack === topic);
      if (pool.length === 0) {
        const known = deps.content.topics(place.scopeId).map((t) => t.topic);
        return [error(`There is no topic or pack "${args.trim()}". Topics: ${known.join(', ')}. ${cmd(place.platform, 'topics')} lists them by pack.`)];
      }
    }
    // Not today's question before the member has answered it: practising it would show its key points.
    const hidden = hiddenQuestionIds(deps, actor.id, place.scopeId);
    if (pool.some((q) => !hidden.has(q.id))) pool = pool.filter((q) => !hidden.has(q.id));
    const current = deps.store.practice.latestOpenPractice(actor.id, place.scopeId);
    const question = practice.pick(actor.id, place.scopeId, pool, current?.questionId);
    if (!question) return [error('There are no questions to practise.')];
    const prompt = deps.store.practice.createPracticePrompt({
      userId: actor.id,
      scopeId: place.scopeId,
      channelId: place.channelId,
      questionId: question.id,
      shownAt: deps.clock.now(),
    });
    return [practiceQuestionReply(prompt.id, question)];
  },
};

/**
 * The question's hint, or, for a question without one, a nudge that names no key point (a hint may
 * come before the answer that is scored, so it must not give the rubric away).
 */
function hintFor(question: Question): string {
  if (question.hint) return question.hint;
  const about = question.tags.length > 0 ? ` (${question.tags.slice(0, 3).join(', ')})` : '';
  return `A full answer states ${question.keyPoints.length} key ideas about ${question.topic}${about}: say what it is, how it works, and why or when it matters.`;
}

export const hint: Command = {
  verb: 'hint',
  admin: false,
  usage: 'hint',
  summary: 'a hint for your open question',
  options: [],
  run({ deps, actor, place }) {
    const open = findOpenQuestion(deps, actor.id, place);
    if (!open) return [error(`You have no open question to give a hint for. Ask for one with ${cmd(place.platform, 'quiz')}.`)];
    const lines = [`Hint for "${open.question.prompt}": ${hintFor(open.question)}`];
    if (open.kind === 'practice') {
      deps.store.practice.markPracticeHinted(open.prompt.id);
    } else if (open.kind === 'round' && open.round.status === 'open' && !deps.store.answers.hasAnsweredRound(actor.id, open.round.id)) {
      deps.store.practice.markRoundHinted(actor.id, open.round.id);
      lines.push(`With a hint, today's round earns at most ${HINT_CAP} points.`);
    }
    return [text(lines.join('\n'))];
  },
};
