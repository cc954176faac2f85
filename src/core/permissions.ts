import type { CoreDeps } from './context.js';
import { DeliveryError } from './ports.js';

/** "A", "A and B", "A, B and C". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Asks the platform (when it can tell) whether the bot may post, embed and start threads in the
 * channel. Returns a refusal naming what is missing, or null when nothing is known to be missing.
 * A check that fails for another reason does not block: the post itself then reports what happens.
 */
export async function permissionProblem(d: Pick<CoreDeps, 'chat' | 'logger'>, channelId: string, doing: string): Promise<string | null> {
  if (!d.chat.checkPermissions) return null;
  try {
    const missing = await d.chat.checkPermissions(channelId);
    if (missing.length === 0) return null;
    return `I cannot ${doing} in this channel: I am missing ${listWords(missing)} here. Once that is fixed (the channel's permissions, or prepbot's role), try again.`;
  } catch (err) {
    if (err instanceof DeliveryError && err.code === 'channel_gone') return `I cannot ${doing} here: ${err.message}.`;
    d.logger.warn({ err, channelId }, 'could not check the bot permissions; trying anyway');
    return null;
  }
}
