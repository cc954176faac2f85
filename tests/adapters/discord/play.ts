import { vi } from 'vitest';
import type { Actor } from '../../../src/core/model.js';
import { ADMIN, CHANNEL_ID, GUILD_ID } from '../../stand-ins/discord-stand-in.js';
import type { OptionValue, UserFixture, Where } from '../../stand-ins/discord-payloads.js';
import type { InteractionRecord, StoredMessage } from '../../stand-ins/discord-rest.js';
import { firstButton, gradeIn, type Rig } from './rig.js';

/** The core id of a channel of the stand-in's server. */
export const channelKey = (channelId = CHANNEL_ID, guildId = GUILD_ID): string => `discord:${guildId}:${channelId}`;

/** Waits until `check` holds, for what the bot does after a gateway dispatch (no REST call to wait on). */
export async function until(check: () => boolean): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error('not yet');
    },
    { timeout: 8000, interval: 10 },
  );
}

/** The reply an interaction ended with: the direct reply, or the deferred one once filled in. */
export function replyOf(ix: InteractionRecord): StoredMessage | null {
  const m = ix.original;
  if (!m) return null;
  const deferredOnly = ix.callbacks.at(-1)?.type === 5 && m.edits === 0;
  return deferredOnly ? null : m;
}

/** `/prep <sub>` from `who`, waiting for its reply. */
export async function slashReply(r: Rig, who: UserFixture, sub: string, options: Record<string, OptionValue> = {}, where: Partial<Where> = {}): Promise<StoredMessage> {
  const ix = r.standIn.slash(who, sub, options, where);
  return r.standIn.waitFor(() => replyOf(ix), `the reply to /prep ${sub}`);
}

/** Posts today's round with /prep daily and returns the channel post. */
export async function postDaily(r: Rig, who: UserFixture = ADMIN): Promise<StoredMessage> {
  await slashReply(r, who, 'daily');
  return r.standIn.waitFor(() => r.standIn.messagesIn(CHANNEL_ID)[0], 'the daily post');
}

/** Presses Answer on `post`, submits `text`, and returns the graded reply (with its Dispute button). */
export async function answerAndGrade(r: Rig, who: UserFixture, post: StoredMessage, text: string): Promise<StoredMessage> {
  const press = r.standIn.press(who, post, firstButton(post).custom_id);
  const modal = await r.standIn.waitFor(() => press.modal, 'the answer modal');
  const submit = r.standIn.submit(who, modal.custom_id, { answer: text });
  return r.standIn.waitFor(() => gradeIn(submit), 'the grade');
}

/** An admin of the server as the core sees one (for calls made straight into the core, as the scheduler does). */
export function adminActor(who: UserFixture = ADMIN): Actor {
  return { id: `discord:${who.id}`, platformId: who.id, name: who.globalName ?? who.username, isPlatformAdmin: async () => true };
}
