import { DEFAULT_QUESTIONS, MAX_QUESTIONS } from '../coaching/interviews.js';
import { cmd } from '../command-text.js';
import { error, text } from '../replies.js';
import { words, type Command } from './command.js';

const usage = 'interview [topic] [count]';

/** `interview [topic] [count]`, `interview stop`: a private mock interview ending in a report card. */
export const interview: Command = {
  verb: 'interview',
  admin: false,
  usage: `${usage} | interview stop`,
  summary: `a private mock interview: ${DEFAULT_QUESTIONS} questions (or count, up to ${MAX_QUESTIONS}) with follow-ups, then a report card`,
  options: [
    { name: 'topic', description: 'A topic or pack (leave empty for any), or stop to end your interview', autocomplete: 'topic' },
    { name: 'count', description: `How many questions, 1 to ${MAX_QUESTIONS} (default ${DEFAULT_QUESTIONS})`, choices: Array.from({ length: MAX_QUESTIONS }, (_, i) => String(i + 1)) },
  ],
  run({ deps, coaching, actor, place, args }) {
    const parts = words(args.toLowerCase());
    if (parts.length === 1 && (parts[0] === 'stop' || parts[0] === 'end')) return coaching.interviews.stop(actor, place);
    const numbers = parts.filter((w) => /^\d+$/.test(w));
    const names = parts.filter((w) => !/^\d+$/.test(w));
    if (numbers.length > 1 || names.length > 1) return [error(`Use ${cmd(place.platform, usage)}, for example ${cmd(place.platform, 'interview rag-pipeline 3')}.`)];
    const count = numbers.length ? Number(numbers[0]) : DEFAULT_QUESTIONS;
    if (count < 1 || count > MAX_QUESTIONS) return [error(`An interview has 1 to ${MAX_QUESTIONS} questions; "${numbers[0]}" is not one of them.`)];
    const running = deps.store.interviews.activeInterview(actor.id);
    if (running) {
      if (parts.length > 0) return [error(`You already have a mock interview running. Finish it, or end it with ${cmd(place.platform, 'interview stop')}, before starting another.`), ...coaching.interviews.resume(running, place)];
      return coaching.interviews.resume(running, place);
    }
    return coaching.interviews.start(actor, place, names[0] ?? null, count);
  },
};

/** `pass`: declines the open follow-up question (in an interview, the next question follows). */
export const pass: Command = {
  verb: 'pass',
  admin: false,
  usage: 'pass',
  summary: 'skip your open follow-up question',
  options: [],
  run({ deps, coaching, actor, place }) {
    const { store, clock } = deps;
    const open = store.followUps.openFollowUp(actor.id, place.scopeId);
    if (!open || !store.followUps.closeFollowUp(open.id, 'passed', clock.now())) {
      return [error(`You have no open follow-up question to pass. Follow-ups come after a graded answer that missed a key point.`)];
    }
    const replies = [text('Follow-up passed: no grade, nothing lost.', 'private', 'success')];
    const session = open.interviewId !== null ? store.interviews.getInterview(open.interviewId) : null;
    return session?.status === 'active' ? [...replies, ...coaching.interviews.next(session)] : replies;
  },
};

/** `showcase on|off`: lets the member's best daily answer be quoted in a round's summary. */
export const showcase: Command = {
  verb: 'showcase',
  admin: false,
  usage: 'showcase on|off',
  summary: "allow your best daily answer to be quoted in a round's summary (off by default)",
  options: [{ name: 'mode', description: 'on or off', required: true, choices: ['on', 'off'] }],
  run({ deps, actor, place, args }) {
    const v = args.trim().toLowerCase();
    if (v !== 'on' && v !== 'off') {
      const now = deps.store.channels.getUser(actor.id)?.showcase ? 'on' : 'off';
      return [error(`Use ${cmd(place.platform, 'showcase on')} or ${cmd(place.platform, 'showcase off')} (it is ${now} for you now).`)];
    }
    deps.store.channels.setShowcase(actor.id, v === 'on');
    return [
      text(
        v === 'on'
          ? "Showcase on: when a round closes, your answer may be quoted in its summary if it is the best of the members who allow it (with your name, or \"anonymous\" with privacy on)."
          : 'Showcase off: your answers are never quoted.',
        'private',
        'success',
      ),
    ];
  },
};

/** `digest` (admin): this channel's weekly digest now, once per week. */
export const digest: Command = {
  verb: 'digest',
  admin: true,
  usage: 'digest',
  summary: "post this week's digest now (participation, averages by topic, most improved, a chart)",
  options: [],
  run({ coaching, actor, place, channel }) {
    return coaching.digests.postNow(actor, place, channel);
  },
};
