import type { Platform } from './model.js';

/** What a member types before a verb on each platform: one `/prep` command on Slack and Discord. */
const PREFIX: Record<Platform, string> = { console: '/', discord: '/prep ', slack: '/prep ' };

/**
 * A verb as the member types it where the reply is read: `cmd('console', 'quiz [topic]')` is
 * `/quiz [topic]`, on Slack and Discord `/prep quiz [topic]`. Every reply that names a verb names
 * it through this, so a reply never tells someone to type a word that does nothing.
 */
export function cmd(platform: Platform, usage: string): string {
  return `${PREFIX[platform]}${usage}`;
}

/** The platform of a platform-qualified id (`slack:T1:C1`, `discord:1:2`, `console:main`). */
export function platformOf(qualifiedId: string): Platform {
  const p = qualifiedId.slice(0, qualifiedId.indexOf(':'));
  return p === 'discord' || p === 'slack' ? p : 'console';
}
