import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { discordGroup } from '../../core/command-text.js';
import type { Command, CommandOption } from '../../core/commands/command.js';
import { COMMANDS } from '../../core/commands/registry.js';
import { LIMITS, shorten } from './limits.js';

/** The one slash command; every verb is a subcommand of it, the admin verbs inside the `admin` group. */
export const COMMAND_NAME = 'prep';
const COMMAND_DESCRIPTION = 'Interview practice: question of the day, graded answers, leaderboards and quizzes';
/** Discord allows at most 25 entries under a command, 25 subcommands in a group, and 25 options per subcommand. */
const MAX_ENTRIES = 25;

const GROUP_DESCRIPTIONS: Record<string, string> = { admin: 'Admin commands: the daily post, rounds, settings, admins, disputes, suggestions, export, digest' };

/**
 * Discord-only hints for options the registry names: which get autocomplete from the adapter
 * (IANA zones) and length bounds the client enforces before sending. Presentation, not rules:
 * the core still validates every value.
 */
const OPTION_HINTS: Record<string, { autocomplete?: boolean; min_length?: number; max_length?: number; mentionable?: boolean }> = {
  zone: { autocomplete: true, max_length: 64 },
  /** `admins add|remove`: pick a member or a role from Discord's own picker. */
  target: { mentionable: true },
  time: { min_length: 4, max_length: 5 },
  text: { max_length: 4000 },
};

type Entry = APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption;

/** The registry laid out for Discord: members' verbs first, then each group, in registry order, and what does not fit. */
function layout(commands: readonly Command[]): { entries: Entry[]; leftOut: string[] } {
  const singles: APIApplicationCommandSubcommandOption[] = [];
  const groups = new Map<string, APIApplicationCommandSubcommandOption[]>();
  for (const c of commands) {
    const group = discordGroup(c.verb);
    if (group) groups.set(group, [...(groups.get(group) ?? []), subcommand(c)]);
    else singles.push(subcommand(c));
  }
  const room = MAX_ENTRIES - groups.size;
  const leftOut = singles.slice(room).map((s) => s.name);
  const entries: Entry[] = singles.slice(0, room);
  for (const [name, subs] of groups) {
    leftOut.push(...subs.slice(MAX_ENTRIES).map((s) => `${name} ${s.name}`));
    entries.push({ type: ApplicationCommandOptionType.SubcommandGroup, name, description: shorten(GROUP_DESCRIPTIONS[name] ?? name, LIMITS.commandDescription), options: subs.slice(0, MAX_ENTRIES) });
  }
  return { entries, leftOut };
}

/**
 * Where `/prep` may be installed and used: added to a server, or by a member for themselves (user
 * install); used in servers, in the bot's DMs, and in group DMs. Verbs that need a server's channel
 * answer elsewhere with a sentence saying so (personal-verbs.ts). Discord takes both lists on
 * global commands only; a command registered in one server is used there.
 */
const INSTALLS = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/**
 * The `/prep` command as Discord registers it, built from the core's command registry so a new
 * verb appears without adapter changes: members' verbs as subcommands, admin verbs as
 * subcommands of the `admin` group. Options are strings (the core parses them); required options
 * come first, as Discord demands. `scope: 'guild'` is the development registration in one server
 * (DISCORD_GUILD_ID), which carries no install types or contexts.
 */
export function commandDefinitions(commands: readonly Command[] = COMMANDS, o: { scope?: 'global' | 'guild' } = {}): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: COMMAND_NAME,
      description: COMMAND_DESCRIPTION,
      ...(o.scope === 'guild' ? {} : INSTALLS),
      options: layout(commands).entries,
    },
  ];
}

/** Every subcommand as typed after `/prep` (`quiz`, `admin schedule`), in registry order. */
export function subcommandPaths(commands: readonly Command[] = COMMANDS): string[] {
  return layout(commands).entries.flatMap((e) => (e.type === ApplicationCommandOptionType.SubcommandGroup ? (e.options ?? []).map((o) => `${e.name} ${o.name}`) : [e.name]));
}

/** Verbs beyond Discord's limits, which `/prep` cannot offer (reported by register). */
export function verbsLeftOut(commands: readonly Command[] = COMMANDS): string[] {
  return layout(commands).leftOut;
}

function subcommand(c: Command): APIApplicationCommandSubcommandOption {
  const description = `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}${c.admin ? ' (admin)' : ''}`;
  const options = [...c.options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required))).slice(0, 25);
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: c.verb,
    description: shorten(description, LIMITS.commandDescription),
    options: options.map(option),
  };
}

function option(o: CommandOption): APIApplicationCommandBasicOption {
  const hint = OPTION_HINTS[o.name] ?? {};
  if (hint.mentionable && !o.choices?.length) {
    return { type: ApplicationCommandOptionType.Mentionable, name: o.name, description: shorten(o.description, LIMITS.commandDescription), required: Boolean(o.required) };
  }
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: o.name,
    description: shorten(o.description, LIMITS.commandDescription),
    required: Boolean(o.required),
    ...(hint.min_length !== undefined ? { min_length: hint.min_length } : {}),
    ...(hint.max_length !== undefined ? { max_length: hint.max_length } : {}),
  };
  if (o.choices?.length) return { ...base, choices: o.choices.slice(0, LIMITS.choices).map((v) => ({ name: v, value: v })) };
  if (o.autocomplete || hint.autocomplete) return { ...base, autocomplete: true };
  return base;
}

/**
 * A subcommand's option values turned back into the core's `args` string, in the order the
 * registry lists the options (so `schedule` gets `09:00 Europe/Berlin weekdays`).
 */
export function argsFromOptions(verb: string, get: (name: string) => string | null, commands: readonly Command[] = COMMANDS): string {
  const command = commands.find((c) => c.verb === verb);
  if (!command) return '';
  return command.options
    .map((o) => get(o.name)?.trim() ?? '')
    .filter((v) => v.length > 0)
    .join(' ');
}
