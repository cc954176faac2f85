import type { Platform } from './model.js';

/** What a member types before a verb on each platform: one `/prep` command on Slack and Discord. */
const PREFIX: Record<Platform, string> = { console: '/', discord: '/prep ', slack: '/prep ' };

/**
 * Where a verb sits on Discord, which offers at most 25 entries under `/prep` (subcommands and
 * subcommand groups, each group holding up to 25): members' verbs at the top, every admin verb in
 * the `admin` group (`/prep admin schedule`). The one place that says so: the Discord command
 * definitions and every reply that names a verb read it, and a test checks it against the
 * registry's `admin` flags. A new admin verb goes here; a new member verb needs nothing.
 */
const DISCORD_GROUPS: Readonly<Record<string, 'admin'>> = Object.fromEntries(
  ['daily', 'reveal', 'schedule', 'unschedule', 'settings', 'pause', 'resume', 'skip', 'repost', 'admins', 'disputes', 'resolve', 'suggestions', 'approve', 'reject', 'export', 'digest'].map((v) => [v, 'admin' as const]),
);

/** The Discord subcommand group of a verb, or undefined for a verb directly under `/prep`. */
export function discordGroup(verb: string): string | undefined {
  return DISCORD_GROUPS[verb];
}

/**
 * A verb as the member types it where the reply is read: `cmd('console', 'quiz [topic]')` is
 * `/quiz [topic]`, on Slack and Discord `/prep quiz [topic]`, and an admin verb on Discord
 * `/prep admin schedule`. Every reply that names a verb names it through this, so a reply never
 * tells someone to type a word that does nothing.
 */
export function cmd(platform: Platform, usage: string): string {
  const group = platform === 'discord' ? discordGroup(usage.split(/\s/, 1)[0]!) : undefined;
  return `${PREFIX[platform]}${group ? `${group} ` : ''}${usage}`;
}

/** The platform of a platform-qualified id (`slack:T1:C1`, `discord:1:2`, `console:main`). */
export function platformOf(qualifiedId: string): Platform {
  const p = qualifiedId.slice(0, qualifiedId.indexOf(':'));
  return p === 'discord' || p === 'slack' ? p : 'console';
}
