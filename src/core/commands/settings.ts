import { recordAction } from '../audit.js';
import { cmd } from '../command-text.js';
import { plural } from '../display.js';
import type { ChannelSettings, Platform } from '../model.js';
import { error, text, type Reply } from '../replies.js';
import { nextPostAt, postedOn } from '../schedule-time.js';
import { describeSubject, parseSubject } from '../subjects.js';
import { formatLocal, formatShort } from '../time.js';
import type { Command, CommandContext } from './command.js';
import { schedule, unschedule } from './schedule.js';

const KEYS = ['packs', 'round-hours', 'ping-role', 'follow-ups', 'schedule'] as const;
const usage = (p: Platform) => cmd(p, 'settings [packs a,b|all] [round-hours 1-168] [ping-role <role>|none] [follow-ups on|off] [schedule HH:MM [zone] [days]|off]');
const RECENT_ACTIONS = 5;

function scheduleLine(c: ChannelSettings): string {
  if (!c.postTime) return `not scheduled (${cmd(c.platform, 'schedule HH:MM [zone] [weekdays|daily]')} sets it)`;
  const when = `${c.days === 'daily' ? 'every day' : 'every weekday'} at ${c.postTime} ${c.timezone}`;
  if (c.suspended) return `${when}, suspended: prepbot lost this channel (run ${cmd(c.platform, 'schedule')} again to resume)`;
  if (c.paused) return `${when}, paused (${cmd(c.platform, 'resume')} restarts it)`;
  return when;
}

function pingLine(c: ChannelSettings): string {
  if (!c.pingRole) return 'none (daily posts mention nobody)';
  const kind = c.pingRole.startsWith('slack-group:') ? 'group' : 'role';
  return `${describeSubject({ subject: c.pingRole, kind })}, mentioned on each daily post`;
}

function show(ctx: CommandContext): Reply[] {
  const { deps, channel, place } = ctx;
  const { store, content, clock, options } = deps;
  const c = store.channels.getChannel(channel.channelId) ?? channel;
  const now = clock.now();
  const next = nextPostAt(c, now, postedOn(deps, c.channelId));
  const pool = content.byPacks(c.packs, c.scopeId);
  const asked = new Set(store.rounds.askedQuestionIds(c.channelId, c.cycle));
  const left = pool.filter((q) => !asked.has(q.id)).length;
  const hours = c.roundHours ?? options.revealAfterHours;
  const lines = [
    'Settings of this channel:',
    `  Schedule: ${scheduleLine(c)}`,
    `  Next post: ${next ? formatLocal(next, c.timezone) : 'none'}`,
    `  Packs: ${c.packs.length ? c.packs.join(', ') : 'all'} (${plural(pool.length, 'question')})`,
    `  Questions left this cycle: ${left} of ${pool.length} (cycle ${c.cycle})`,
    `  Round length: ${plural(hours, 'hour')}${c.roundHours === null ? ' (the default, REVEAL_AFTER_HOURS)' : ''}`,
    `  Ping role: ${pingLine(c)}`,
    `  Follow-ups: ${c.followUps === false ? 'off (graded answers end without a follow-up question)' : 'on (a graded answer that missed a key point ends with a follow-up question)'}`,
  ];
  const open = store.rounds.getOpenRound(c.channelId);
  if (open) {
    const state = open.delivery === 'pending' || open.delivery === 'failed' ? `, not delivered yet (${open.deliveryError ?? 'sending'}); ${cmd(place.platform, 'repost')} posts it` : '';
    lines.push(`  Open round: ${open.questionId}, closes ${formatLocal(open.closesAt, c.timezone)}${state}`);
  }
  const actions = store.admins.recentActions(place.scopeId, RECENT_ACTIONS);
  lines.push(`Recent admin actions (${c.timezone}):`);
  if (actions.length === 0) lines.push('  none yet.');
  for (const a of actions) {
    const elsewhere = a.channelId === c.channelId ? '' : ' (in another channel)';
    lines.push(`  ${formatShort(a.at, c.timezone)} ${a.actorName}: ${a.action}${a.detail ? ` ${a.detail}` : ''}${elsewhere}`);
  }
  lines.push(`Change one with: ${usage(place.platform)}`);
  return [text(lines.join('\n'))];
}

function setPacks(ctx: CommandContext, value: string): Reply[] {
  const { deps, channel, actor, place } = ctx;
  const known = deps.content.packs(place.scopeId).map((p) => p.name);
  const wanted = [...new Set(value.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean))];
  if (wanted.length === 0) return [error(`Name the packs, for example: ${cmd(place.platform, `settings packs ${known.slice(0, 2).join(',')}`)} (or all). Packs: ${known.join(', ')}.`)];
  const packs = wanted.length === 1 && wanted[0]!.toLowerCase() === 'all' ? [] : wanted;
  const unknown = packs.filter((p) => !known.includes(p));
  if (unknown.length) return [error(`${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a pack' : 'are not packs'}. Packs: ${known.join(', ')} (or all).`)];
  deps.store.channels.updateChannel(channel.channelId, { packs });
  recordAction(deps, actor, place, 'settings', `packs ${packs.length ? packs.join(',') : 'all'}`);
  const count = deps.content.byPacks(packs, place.scopeId).length;
  return [text(`This channel now asks ${packs.length ? `questions of ${packs.join(', ')}` : 'questions of every pack'} (${plural(count, 'question')}), from the next post on.`, 'private', 'success')];
}

function setRoundHours(ctx: CommandContext, value: string): Reply[] {
  const { deps, channel, actor, place } = ctx;
  const v = value.trim().toLowerCase();
  let hours: number | null;
  if (v === 'default') hours = null;
  else if (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 168) hours = Number(v);
  else return [error(`"${value.trim()}" is not a round length. Use a whole number of hours from 1 to 168 (a week), or default (REVEAL_AFTER_HOURS).`)];
  deps.store.channels.updateChannel(channel.channelId, { roundHours: hours });
  recordAction(deps, actor, place, 'settings', `round-hours ${hours ?? 'default'}`);
  const shown = hours ?? deps.options.revealAfterHours;
  return [text(`Rounds in this channel now last ${plural(shown, 'hour')}, from the next round on.`, 'private', 'success')];
}

function setPingRole(ctx: CommandContext, value: string): Reply[] {
  const { deps, channel, actor, place } = ctx;
  const v = value.trim();
  if (/^(none|off)$/i.test(v)) {
    deps.store.channels.updateChannel(channel.channelId, { pingRole: null });
    recordAction(deps, actor, place, 'settings', 'ping-role none');
    return [text('Daily posts in this channel now mention nobody.', 'private', 'success')];
  }
  if (!v) return [error('Name the role (Discord) or user group (Slack) to mention on each daily post, or none.')];
  if (place.platform === 'console') return [error('The console has no roles to mention.')];
  const parsed = parseSubject(v, place);
  if ('error' in parsed) return [error(parsed.error)];
  if (parsed.kind === 'user') return [error('A daily post may mention a role or user group that people opt into, never a single user. Name a role or user group.')];
  deps.store.channels.updateChannel(channel.channelId, { pingRole: parsed.subject });
  recordAction(deps, actor, place, 'settings', `ping-role ${parsed.subject}`);
  return [text(`Each daily post in this channel now mentions ${describeSubject(parsed)}; nothing else is ever mentioned.`, 'private', 'success')];
}

function setFollowUps(ctx: CommandContext, value: string): Reply[] {
  const { deps, channel, actor, place } = ctx;
  const v = value.trim().toLowerCase();
  if (v !== 'on' && v !== 'off') return [error(`Use ${cmd(place.platform, 'settings follow-ups on')} or ${cmd(place.platform, 'settings follow-ups off')}.`)];
  deps.store.channels.updateChannel(channel.channelId, { followUps: v === 'on' });
  recordAction(deps, actor, place, 'settings', `follow-ups ${v}`);
  return [
    text(
      v === 'on' ? 'Graded answers in this channel now end with a follow-up question on a missed key point.' : 'Graded answers in this channel now end without a follow-up question (mock interviews still ask them).',
      'private',
      'success',
    ),
  ];
}

/** `settings`: show or set a channel's packs, round length, ping role and schedule. */
export const settings: Command = {
  verb: 'settings',
  admin: true,
  usage: 'settings [packs|round-hours|ping-role|follow-ups|schedule] [value]',
  summary: "show or set this channel's packs, round length, ping role, follow-ups and schedule; next post time",
  options: [
    { name: 'key', description: 'what to set (leave empty to show everything)', choices: [...KEYS] },
    { name: 'value', description: 'the new value, e.g. llm-interview,ml-fundamentals or 12 or none', rest: true },
  ],
  async run(ctx) {
    const trimmed = ctx.args.trim();
    if (!trimmed) return show(ctx);
    const space = trimmed.search(/\s/);
    const key = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
    const value = space < 0 ? '' : trimmed.slice(space + 1).trim();
    switch (key) {
      case 'packs':
        return setPacks(ctx, value);
      case 'round-hours':
        return setRoundHours(ctx, value);
      case 'ping-role':
        return setPingRole(ctx, value);
      case 'follow-ups':
        return setFollowUps(ctx, value);
      case 'schedule':
        return /^(off|none)$/i.test(value) ? unschedule.run({ ...ctx, args: '' }) : schedule.run({ ...ctx, args: value });
      default:
        return [error(`"${key}" is not a setting. Settings: ${KEYS.join(', ')}. Usage: ${usage(ctx.place.platform)}.`)];
    }
  },
};
