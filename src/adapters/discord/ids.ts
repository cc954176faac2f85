/**
 * The adapter's naming scheme: how core ids map to Discord ids and back, and what component
 * `custom_id`s carry. Everything a button or modal needs is in its `custom_id`, so buttons keep
 * working after a restart.
 */

/** Discord's limit on a component's or modal's `custom_id`. */
export const CUSTOM_ID_MAX = 100;

const ANSWER_BUTTON = 'answer:';
const ANSWER_FORM = 'answer-form:';
const DISPUTE_BUTTON = 'dispute:';
const DISPUTE_FORM = 'dispute-form:';
/** The `custom_id` of the answer text input inside the modal. */
export const ANSWER_INPUT_ID = 'answer';
/** The `custom_id` of the reason input inside the dispute modal. */
export const REASON_INPUT_ID = 'reason';

/** `discord:<guild>` for a guild id. */
export const scopeIdOf = (guildId: string): string => `discord:${guildId}`;

/** `discord:<guild>:<channel>` for a guild channel. */
export const channelIdOf = (guildId: string, channelId: string): string => `discord:${guildId}:${channelId}`;

/** `discord:<user>` for a user id. */
export const actorIdOf = (userId: string): string => `discord:${userId}`;

/** The guild and channel of a core channel id, or null when it is not a Discord channel id. */
export function parseChannelId(id: string): { guildId: string; channelId: string } | null {
  const m = /^discord:(\d{1,25}):(\d{1,25})$/.exec(id);
  return m ? { guildId: m[1]!, channelId: m[2]! } : null;
}

/** The member of a personal place's id (`discord:dm:<user>`, see personalPlace), or null. */
export function parsePersonalId(id: string): string | null {
  const m = /^discord:dm:(\d{1,25})$/.exec(id);
  return m ? m[1]! : null;
}

/** The Discord user id of a core actor id (`discord:<user>`), or null. */
export function parseUserId(id: string): string | null {
  const m = /^discord:(\d{1,25})$/.exec(id);
  return m ? m[1]! : null;
}

/** A sent message as the core stores it: `<channel>:<message>`. */
export const messageRefOf = (channelId: string, messageId: string): string => `${channelId}:${messageId}`;

export function parseMessageRef(ref: string): { channelId: string; messageId: string } | null {
  const m = /^(\d{1,25}):(\d{1,25})$/.exec(ref);
  return m ? { channelId: m[1]!, messageId: m[2]! } : null;
}

const ANSWER_REF = /^(round|practice|followup):\d{1,15}$/;

/** The Answer button's `custom_id` for an answerRef such as `round:42`. */
export const answerButtonId = (answerRef: string): string => `${ANSWER_BUTTON}${answerRef}`;

/** The answer modal's `custom_id`: it carries the answerRef back with the submitted text. */
export const answerFormId = (answerRef: string): string => `${ANSWER_FORM}${answerRef}`;

/** The answerRef of an Answer button, or null when the id is not one (or is malformed). */
export function answerRefOfButton(customId: string): string | null {
  return refAfter(customId, ANSWER_BUTTON);
}

/** The answerRef of an answer modal, or null. */
export function answerRefOfForm(customId: string): string | null {
  return refAfter(customId, ANSWER_FORM);
}

function refAfter(customId: string, prefix: string): string | null {
  if (!customId.startsWith(prefix)) return null;
  const ref = customId.slice(prefix.length);
  return ANSWER_REF.test(ref) ? ref : null;
}

/** What a Dispute button or modal names: the answer, and the server channel it belongs to (for DMs). */
export interface DisputeRef {
  guildId: string;
  channelId: string;
  answerId: number;
}

const disputeTail = (r: DisputeRef) => `${r.guildId}:${r.channelId}:${r.answerId}`;

/** The Dispute button's `custom_id` (at most 25 + 25 + 15 digits, well inside 100 characters). */
export const disputeButtonId = (r: DisputeRef): string => `${DISPUTE_BUTTON}${disputeTail(r)}`;

/** The dispute modal's `custom_id`: the same names, so the submission needs no state kept in memory. */
export const disputeFormId = (r: DisputeRef): string => `${DISPUTE_FORM}${disputeTail(r)}`;

/** What a Dispute button names, or null when the id is not one. */
export const disputeOfButton = (customId: string): DisputeRef | null => disputeAfter(customId, DISPUTE_BUTTON);

/** What a dispute modal names, or null. */
export const disputeOfForm = (customId: string): DisputeRef | null => disputeAfter(customId, DISPUTE_FORM);

function disputeAfter(customId: string, prefix: string): DisputeRef | null {
  if (!customId.startsWith(prefix)) return null;
  const m = /^(\d{1,25}):(\d{1,25}):(\d{1,15})$/.exec(customId.slice(prefix.length));
  return m ? { guildId: m[1]!, channelId: m[2]!, answerId: Number(m[3]) } : null;
}
