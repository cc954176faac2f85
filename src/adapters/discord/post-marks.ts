import { SnowflakeUtil, type Client, type MessageCreateOptions } from 'discord.js';
import type { PostMark, PostWindow } from '../../core/ports.js';
import { discordCode, toDeliveryError } from './delivery-errors.js';
import { LIMITS } from './limits.js';
import type { DiscordMessage } from './render.js';

/** Our clock and Discord's may differ a little: the window starts this much earlier. */
const CLOCK_SLACK_MS = 60_000;
/** Messages read after the window's start: a channel rarely gets more between two attempts of a post. */
const READ_LIMIT = 100;
const SEPARATOR = ' · ';
/** Discord's errors for a channel or thread that does not exist (a summary's thread never started). */
const MISSING = new Set([10003, 10008]);

/**
 * The message(s) of a tracked post, marked so the post can be found again: the first message gets
 * the post's nonce with `enforce_nonce` (a second create with the same nonce within a few minutes
 * returns the first message instead of posting again), and its first embed's footer ends with the
 * post's tag. Discord does not return a nonce when messages are listed later, so the footer is what
 * a look at the channel's recent messages finds.
 */
export function markMessages(messages: DiscordMessage[], mark: PostMark | undefined): (DiscordMessage & Pick<MessageCreateOptions, 'nonce' | 'enforceNonce'>)[] {
  if (!mark) return messages;
  return messages.map((m, i) => {
    if (i > 0) return m;
    const [embed, ...rest] = m.embeds ?? [];
    const marked = embed ? { ...m, embeds: [{ ...embed, footer: { ...embed.footer, text: footerWith(embed.footer?.text, mark.tag) } }, ...rest] } : m;
    return mark.nonce ? { ...marked, nonce: mark.nonce, enforceNonce: true } : marked;
  });
}

function footerWith(text: string | undefined, tag: string): string {
  if (!text) return tag;
  const room = LIMITS.footer - SEPARATOR.length - tag.length;
  return `${text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text}${SEPARATOR}${tag}`;
}

/**
 * The id of the bot's own message carrying the mark in a channel or thread, among the messages
 * created since the window began; null when there is none (or the thread does not exist).
 */
export async function findMarked(client: Client, channelId: string, mark: PostMark, window: PostWindow): Promise<string | null> {
  let channel;
  try {
    channel = await client.channels.fetch(channelId);
  } catch (err) {
    if (MISSING.has(discordCode(err) ?? 0)) return null;
    throw toDeliveryError(err, `the history of channel ${channelId}`);
  }
  if (!channel || !('messages' in channel)) return null;
  const after = SnowflakeUtil.generate({ timestamp: Math.max(Number(SnowflakeUtil.epoch), window.from - CLOCK_SLACK_MS) }).toString();
  let found;
  try {
    found = await channel.messages.fetch({ after, limit: READ_LIMIT, cache: false });
  } catch (err) {
    throw toDeliveryError(err, `the history of channel ${channelId}`);
  }
  const me = client.user?.id;
  const mine = found.find((m) => m.author.id === me && (m.nonce === mark.nonce || m.embeds.some((e) => e.footer?.text?.endsWith(`${SEPARATOR}${mark.tag}`) || e.footer?.text === mark.tag)));
  return mine?.id ?? null;
}
