import type { Actor, Place } from './model.js';
import type { SuggestionFields } from './team/form.js';

/**
 * The one inbound event type every adapter produces. `replyRoute` is an adapter-chosen handle for
 * replying later to the same interaction (a deferred Discord reply, a Slack response URL).
 * `deliveryId` names the platform delivery that carried it (a Slack trigger or event id, a Discord
 * interaction id, platform-qualified and unique across workspaces): the same delivery again, also
 * after a restart or in another process, is recognised and changes nothing a second time.
 */
export type InboundEvent =
  /** A slash command or console line: `/prep <verb> <args>`. */
  | { type: 'command'; place: Place; actor: Actor; verb: string; args: string; replyRoute?: string | null; deliveryId?: string | null }
  /** Answer text, from a form (with the `answerRef` of the button that opened it) or from `answer <text>`. */
  | { type: 'answer'; place: Place; actor: Actor; text: string; answerRef?: string; replyRoute?: string | null; deliveryId?: string | null }
  /** An Answer button was pressed (or `answer` sent without text where forms exist): the adapter asks what form to open; without a reference, the form of the open question. */
  | { type: 'open-answer'; place: Place; actor: Actor; answerRef?: string; deliveryId?: string | null }
  /** The Dispute button of a score reply, with the reason the member gave (the same as `dispute <id> <reason>`). */
  | { type: 'dispute'; place: Place; actor: Actor; answerId: number; reason: string; replyRoute?: string | null; deliveryId?: string | null }
  /** A submitted suggestion form (a Discord or Slack modal): every field as it stands in the form. */
  | { type: 'suggestion'; place: Place; actor: Actor; fields: SuggestionFields; replyRoute?: string | null; deliveryId?: string | null };
