import type { Answers } from '../answers.js';
import type { Coaching } from '../coaching/coaching.js';
import type { CoreDeps } from '../context.js';
import type { Disputes } from '../disputes.js';
import type { Actor, ChannelSettings, Place } from '../model.js';
import type { Reply } from '../replies.js';
import type { Rounds } from '../rounds.js';
import type { Practice } from '../practice.js';
import type { Suggestions } from '../team/suggestions.js';

/** What a command handler gets: the caller, the place, its settings and the core's services. */
export interface CommandContext {
  deps: CoreDeps;
  rounds: Rounds;
  answers: Answers;
  practice: Practice;
  disputes: Disputes;
  /** Follow-ups, mock interviews and the weekly digest. */
  coaching: Coaching;
  suggestions: Suggestions;
  actor: Actor;
  place: Place;
  channel: ChannelSettings;
  args: string;
  replyRoute: string | null;
  /** The platform delivery that carried the command (see InboundEvent), for `answer` to store with the answer. */
  deliveryId?: string | null;
}

/** Typed option of a verb, used for help and for platforms with typed options (Discord). */
export interface CommandOption {
  name: string;
  description: string;
  required?: boolean;
  choices?: string[];
  /** Offer completions from the content's topics. */
  autocomplete?: 'topic';
  /** Free text taking the rest of the line. */
  rest?: boolean;
}

export interface Command {
  verb: string;
  admin: boolean;
  usage: string;
  summary: string;
  options: CommandOption[];
  run(ctx: CommandContext): Promise<Reply[]> | Reply[];
}

/** Splits arguments on whitespace. */
export const words = (args: string): string[] => args.trim().split(/\s+/).filter(Boolean);
