import { isAdmin } from './admin.js';
import { Answers } from './answers.js';
import { findCommand, suggestVerb } from './commands/registry.js';
import type { CoreDeps } from './context.js';
import type { InboundEvent } from './events.js';
import { GradingWorker } from './grading-worker.js';
import { Practice } from './practice.js';
import { error, type Reply } from './replies.js';
import { Rounds } from './rounds.js';

/**
 * The game's front door. Adapters turn platform events into {@link InboundEvent}s and render the
 * replies this returns; the bot never throws at them: a failure becomes a polite sentence and a log line.
 */
export class Bot {
  readonly rounds: Rounds;
  readonly answers: Answers;
  readonly practice: Practice;
  readonly worker: GradingWorker;

  constructor(readonly deps: CoreDeps) {
    this.rounds = new Rounds(deps);
    this.worker = new GradingWorker(deps);
    // Grading starts after the acknowledgement is on its way, so the score never overtakes it.
    this.answers = new Answers(deps, this.rounds, () => setImmediate(() => this.worker.kick()));
    this.practice = new Practice(deps);
  }

  /** Starts grading (resuming jobs a crash left behind). */
  start(): void {
    this.worker.start();
  }

  async handle(event: InboundEvent): Promise<Reply[]> {
    try {
      return await this.dispatch(event);
    } catch (err) {
      this.deps.logger.error({ err, type: event.type, channelId: event.place.channelId, userId: event.actor.id }, 'handler failed');
      return [error('Something went wrong on my side and nothing was changed. Please try again in a moment.')];
    }
  }

  private async dispatch(event: InboundEvent): Promise<Reply[]> {
    const { store, options } = this.deps;
    const { place, actor } = event;
    store.upsertUser(actor.id, actor.name);
    const channel = store.ensureChannel(place, { timezone: options.defaultTimezone });
    if (event.type === 'answer') return [this.answers.submit(actor, place, event.text, event.answerRef, event.replyRoute)];
    if (event.type === 'open-answer') return [this.answers.openForm(actor, place, event.answerRef)];

    const verb = event.verb.trim().toLowerCase();
    const command = findCommand(verb);
    if (!command) {
      const guess = suggestVerb(verb);
      const didYouMean = guess ? ` Did you mean ${guess}?` : '';
      return [error(`"${event.verb}" is not a command.${didYouMean} Use help to see them all.`)];
    }
    if (command.admin && !(await isAdmin(actor, place, options))) {
      return [error(`Only admins can use ${command.verb}. Ask a server admin, or someone listed in ADMIN_USER_IDS.`)];
    }
    this.deps.logger.debug({ verb, userId: actor.id, channelId: place.channelId }, 'command');
    return command.run({
      deps: this.deps,
      rounds: this.rounds,
      answers: this.answers,
      practice: this.practice,
      actor,
      place,
      channel,
      args: event.args,
      replyRoute: event.replyRoute ?? null,
    });
  }
}
