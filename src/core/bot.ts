import { isAdmin } from './admin.js';
import { cmd, platformOf } from './command-text.js';
import { Answers } from './answers.js';
import { Coaching } from './coaching/coaching.js';
import { findCommand, suggestVerb } from './commands/registry.js';
import type { CoreDeps } from './context.js';
import { Disputes } from './disputes.js';
import { scopeNoun } from './display.js';
import type { InboundEvent } from './events.js';
import { GradingWorker } from './grading-worker.js';
import { notifyAdmins } from './notify.js';
import { Posts } from './posts.js';
import { Practice } from './practice.js';
import { error, type Reply } from './replies.js';
import { Rounds } from './rounds.js';
import { Suggestions } from './team/suggestions.js';
import { TeamQuestionBank } from './team/team-bank.js';

/**
 * The game's front door. Adapters turn platform events into {@link InboundEvent}s and render the
 * replies this returns; the bot never throws at them: a failure becomes a polite sentence and a log line.
 */
export class Bot {
  /** Posts that must appear once (rounds, summaries; other parts register their own kinds). */
  readonly posts: Posts;
  readonly rounds: Rounds;
  readonly answers: Answers;
  readonly practice: Practice;
  readonly worker: GradingWorker;
  readonly disputes: Disputes;
  readonly coaching: Coaching;
  readonly suggestions: Suggestions;
  readonly deps: CoreDeps;

  constructor(given: CoreDeps) {
    // Each server or workspace sees the content's packs and its own pack of approved suggestions.
    const content = given.content instanceof TeamQuestionBank ? given.content : new TeamQuestionBank(given.content, given.store.suggestions);
    const deps = (this.deps = { ...given, content });
    this.posts = new Posts(deps);
    this.rounds = new Rounds(deps, this.posts);
    this.practice = new Practice(deps);
    this.coaching = new Coaching(deps, this.practice, this.posts);
    this.worker = new GradingWorker(deps, (answer, question, grade) => this.coaching.replies.deliver(answer, question, grade));
    // Grading starts after the acknowledgement is on its way, so the score never overtakes it.
    this.answers = new Answers(deps, this.rounds, () => setImmediate(() => this.worker.kick()));
    this.disputes = new Disputes(deps);
    this.suggestions = new Suggestions(deps);
  }

  /** Starts grading (resuming jobs a crash left behind). */
  start(): void {
    this.worker.start();
  }

  /**
   * For adapters: true the first time this delivery is seen (by any process on the database, for
   * DELIVERY memory), false for a repeat. A delivery id that cannot be recorded counts as new.
   */
  firstDelivery(id: string | null | undefined): boolean {
    if (!id) return true;
    const { store, clock, options, logger } = this.deps;
    try {
      const now = clock.now();
      return store.deliveries.claimDelivery(id, now, now + options.deliveryMemoryMs);
    } catch (err) {
      logger.error({ err }, 'could not record a delivery; handling it');
      return true;
    }
  }

  async handle(event: InboundEvent): Promise<Reply[]> {
    try {
      // An answer records its delivery with itself; anything else is claimed before it is handled.
      const answering = event.type === 'answer' || (event.type === 'command' && event.verb.trim().toLowerCase() === 'answer');
      if (!answering && !this.firstDelivery(event.deliveryId)) {
        this.deps.logger.info({ type: event.type, channelId: event.place.channelId }, 'ignored a repeated delivery');
        return [];
      }
      return await this.dispatch(event);
    } catch (err) {
      this.deps.logger.error({ err, type: event.type, channelId: event.place.channelId, userId: event.actor.id }, 'handler failed');
      return [error('Something went wrong on my side and nothing was changed. Please try again in a moment.')];
    }
  }

  /**
   * For adapters: the channel was deleted or archived, or the bot lost access to it. Its schedule is
   * suspended (kept, posting nothing) until `schedule` runs there again; nothing is deleted, and the
   * admins are told. Never throws.
   */
  async channelGone(channelId: string, reason = 'the channel was deleted or archived, or prepbot lost access to it'): Promise<boolean> {
    try {
      const channel = this.deps.store.channels.getChannel(channelId);
      if (!this.rounds.delivery.suspend(channelId, reason)) return false;
      if (channel?.postTime) {
        await notifyAdmins(
          this.deps,
          channelId,
          `A channel with a daily question is gone for prepbot (${reason}), so its schedule is suspended. Nothing was deleted; run ${cmd(platformOf(channelId), 'schedule')} in it again to resume.`,
        );
      }
      return true;
    } catch (err) {
      this.deps.logger.error({ err, channelId }, 'could not suspend a lost channel');
      return false;
    }
  }

  /**
   * For adapters: the bot was removed from a server or workspace. Every channel of it is suspended;
   * nothing is deleted, so adding the bot back and running `schedule` resumes with history intact.
   * Returns how many channels were suspended. Never throws.
   */
  scopeGone(scopeId: string, reason?: string): number {
    return this.suspendScope(scopeId, reason).length;
  }

  /**
   * {@link scopeGone}, returning the channels it suspended now (not those suspended already), for an
   * adapter that can resume them when the bot is added back ({@link scopeBack}). Never throws.
   */
  suspendScope(scopeId: string, reason = `prepbot was removed from the ${scopeNoun(scopeId.split(':', 1)[0]!)}`): string[] {
    const suspended: string[] = [];
    try {
      for (const c of this.deps.store.channels.listChannels()) {
        if (c.scopeId === scopeId && this.rounds.delivery.suspend(c.channelId, reason)) suspended.push(c.channelId);
      }
      this.deps.logger.warn({ scopeId, suspended: suspended.length }, 'scope gone');
    } catch (err) {
      this.deps.logger.error({ err, scopeId }, 'could not suspend the channels of a lost scope');
    }
    return suspended;
  }

  /**
   * For adapters: the bot is back in a workspace it was removed from (the app reinstalled). The
   * channels that removal suspended post again on their schedules, history and settings as they
   * were (the scheduler re-arms them, and a post missed meanwhile follows within CATCH_UP_HOURS);
   * one resumed by hand meanwhile is left as it is.
   * Returns how many were resumed. Never throws.
   */
  scopeBack(channelIds: readonly string[], reason: string): number {
    let n = 0;
    for (const channelId of channelIds) {
      try {
        if (this.rounds.delivery.unsuspend(channelId, reason)) n += 1;
      } catch (err) {
        this.deps.logger.error({ err, channelId }, 'could not resume a channel');
      }
    }
    return n;
  }

  private async dispatch(event: InboundEvent): Promise<Reply[]> {
    const { store, options } = this.deps;
    const { place, actor } = event;
    // An answer records its author in the write that stores it: one write transaction per answer, not two.
    if (event.type !== 'answer') store.channels.upsertUser(actor.id, actor.name);
    const channel = store.channels.ensureChannel(place, { timezone: options.defaultTimezone });
    if (event.type === 'answer') return [this.answers.submit(actor, place, event.text, { answerRef: event.answerRef, replyRoute: event.replyRoute, deliveryId: event.deliveryId })];
    if (event.type === 'open-answer') return [this.answers.openForm(actor, place, event.answerRef)];
    if (event.type === 'dispute') return [await this.disputes.open(actor, place, event.answerId, event.reason)];
    if (event.type === 'suggestion') return [await this.suggestions.submit(actor, place, event.fields)];

    const verb = event.verb.trim().toLowerCase();
    const command = findCommand(verb);
    if (!command) {
      const guess = suggestVerb(verb);
      const didYouMean = guess ? ` Did you mean ${cmd(place.platform, guess)}?` : '';
      return [error(`"${event.verb}" is not a command.${didYouMean} Use ${cmd(place.platform, 'help')} to see them all.`)];
    }
    if (command.admin && !(await isAdmin(actor, place, this.deps))) {
      return [error(`Only admins can use ${cmd(place.platform, command.verb)}. An admin of this ${scopeNoun(place.platform)} can add you with ${cmd(place.platform, 'admins add')}, or ask one to do it for you.`)];
    }
    this.deps.logger.debug({ verb, userId: actor.id, channelId: place.channelId }, 'command');
    return command.run({
      deps: this.deps,
      rounds: this.rounds,
      answers: this.answers,
      practice: this.practice,
      disputes: this.disputes,
      coaching: this.coaching,
      suggestions: this.suggestions,
      actor,
      place,
      channel,
      args: event.args,
      replyRoute: event.replyRoute ?? null,
      deliveryId: event.deliveryId ?? null,
    });
  }
}
