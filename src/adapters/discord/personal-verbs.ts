import { cmd } from '../../core/command-text.js';

/**
 * The verbs a member can use in their own space (the bot's DMs, group DMs, a server without
 * prepbot, through a user install): practice and their own figures. Every other verb works on a
 * server's channel (its daily question, leaderboard, schedule, admins) and answers there with
 * {@link needsServer}. One line per verb: add `interview` here when it exists.
 */
export const PERSONAL_VERBS: readonly string[] = ['quiz', 'hint', 'answer', 'stats', 'history', 'topics', 'privacy', 'help'];

const usable = PERSONAL_VERBS.filter((v) => !['topics', 'privacy', 'help'].includes(v)).map((v) => cmd('discord', v));

/** The reply to a channel verb used outside a server that has prepbot: what it needs, and how to get it. */
export function needsServer(verb: string): string {
  return [
    `${cmd('discord', verb)} works in a channel of a server that has prepbot, not in your own install.`,
    "To add prepbot to a server, someone with Manage Server opens prepbot's profile, chooses Add App, then Add to Server.",
    `Here you can practise on your own: ${usable.slice(0, -1).join(', ')} and ${usable.at(-1)}.`,
  ].join(' ');
}
