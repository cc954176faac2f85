import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import { scopeNoun } from '../display.js';
import type { Platform } from '../model.js';
import { error, text } from '../replies.js';
import { describeSubject, parseSubject, type Subject } from '../subjects.js';
import { formatShort } from '../time.js';
import type { Command, CommandContext } from './command.js';

const USAGE = 'admins add|remove|list [user, role or user group]';
const usage = (p: Platform) => cmd(p, USAGE);

const PLATFORM_ADMINS: Record<Platform, string> = {
  discord: 'members with Manage Server',
  slack: 'workspace admins and owners',
  console: 'every console user',
};

/** "role 555" and "user 1001" start a sentence capitalised; a member's name is kept as written. */
function startSentence(described: string): string {
  return /^(role|user|user group) /.test(described) ? `${described.charAt(0).toUpperCase()}${described.slice(1)}` : described;
}

function name(ctx: CommandContext, s: Subject): string {
  return describeSubject(s, s.kind === 'user' ? ctx.deps.store.channels.getUser(s.subject)?.name : null);
}

function list(ctx: CommandContext) {
  const { deps, place, channel } = ctx;
  const entries = deps.store.admins.listAdmins(place.scopeId);
  const where = scopeNoun(place.platform);
  const lines = [`Admins of this ${where}: ${PLATFORM_ADMINS[place.platform]}, the ids in ADMIN_USER_IDS, and these added with ${cmd(place.platform, 'admins add')}:`];
  if (entries.length === 0) lines.push('  nobody yet.');
  for (const e of entries) {
    const by = deps.store.channels.getUser(e.addedBy)?.name ?? e.addedBy;
    lines.push(`  - ${name(ctx, e)}, added by ${by} on ${formatShort(e.addedAt, channel.timezone)}`);
  }
  return [text(lines.join('\n'))];
}

/** `admins`: who else may use admin verbs in this server/workspace (users, roles, user groups). */
export const admins: Command = {
  verb: 'admins',
  admin: true,
  usage: USAGE,
  summary: 'who else may use admin verbs in this server or workspace: users, roles or user groups',
  options: [
    { name: 'action', description: 'add, remove or list', required: true, choices: ['add', 'remove', 'list'] },
    { name: 'target', description: 'a user, role or user group: mention it, or give its id' },
  ],
  run(ctx) {
    const { deps, place, actor, args } = ctx;
    const [rawAction = 'list', ...rest] = args.trim().split(/\s+/);
    const action = rawAction.toLowerCase();
    if (action === 'list' || action === '') return list(ctx);
    if (action !== 'add' && action !== 'remove') return [error(`"${rawAction}" is not add, remove or list. Usage: ${usage(place.platform)}.`)];
    const target = rest.join(' ').trim();
    if (!target) return [error(`Say whom to ${action}, for example: ${cmd(place.platform, `admins ${action} @name`)} (a user, role or user group).`)];
    const parsed = parseSubject(target, place);
    if ('error' in parsed) return [error(parsed.error)];
    const who = name(ctx, parsed);
    const where = scopeNoun(place.platform);
    if (action === 'add') {
      const added = deps.store.admins.addAdmin({ scopeId: place.scopeId, subject: parsed.subject, kind: parsed.kind, addedBy: actor.id, addedAt: deps.clock.now() });
      if (!added) return [text(`${who} is already on the admin list of this ${where}.`)];
      recordAction(deps, actor, place, 'admins', `add ${parsed.subject}`);
      const whom = parsed.kind === 'user' ? startSentence(who) : `Members of ${who}`;
      return [text(`${whom} may now use admin verbs in this ${where}.`, 'private', 'success')];
    }
    if (!deps.store.admins.removeAdmin(place.scopeId, parsed.subject)) {
      return [text(`${who} is not on the admin list of this ${where}, so nothing changed. Rights from the platform or ADMIN_USER_IDS are not managed here.`)];
    }
    recordAction(deps, actor, place, 'admins', `remove ${parsed.subject}`);
    return [text(`${startSentence(who)} is off the admin list of this ${where}. Rights from the platform or ADMIN_USER_IDS still apply.`, 'private', 'success')];
  },
};
