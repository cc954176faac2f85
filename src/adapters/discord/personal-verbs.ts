import { cmd } from '../../core/command-text.js';

/**
 * The verbs a member can use in their own space (the bot's DMs, group DMs, a server without
 * prepbot, through a user install): practice, mock interviews and their own figures. Every other
 * verb works on a server's channel (its daily question, leaderboard, suggestions, the admin verbs)
 * and answers there with {@link needsServer}. One line per verb.
 */
export const PERSONAL_VERBS: readonly string[] = ['quiz', 'hint', 'answer', 'interview', 'pass', 'stats', 'history', 'topics', 'privacy', 'help'];

/** What the reply to a channel verb offers instead. */
const OFFERED = ['quiz', 'interview', 'stats', 'history'].map((v) => cmd('discord', v));

/** The reply to a channel verb used outside a server that has prepbot: what it needs, and how to get it. */
export function needsServer(verb: string): string {
  return [
    `${cmd('discord', verb)} works in a channel of a server that has prepbot, not in your own install.`,
    "To add prepbot to a server, someone with Manage Server opens prepbot's profile, chooses Add App, then Add to Server.",
    `Here you can practise on your own: ${OFFERED.slice(0, -1).join(', ')} and ${OFFERED.at(-1)}.`,
  ].join(' ');
}
