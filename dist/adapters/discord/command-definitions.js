import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, } from 'discord.js';
import { COMMANDS } from '../../core/commands/registry.js';
import { LIMITS, shorten } from './limits.js';
/** The one slash command; every verb is a subcommand of it. */
export const COMMAND_NAME = 'prep';
const COMMAND_DESCRIPTION = 'Interview practice: question of the day, graded answers, leaderboards and quizzes';
/** Discord allows at most 25 subcommands and 25 options per subcommand. */
const MAX_SUBCOMMANDS = 25;
/**
 * Discord-only hints for options the registry names: which get autocomplete from the adapter
 * (IANA zones) and length bounds the client enforces before sending. Presentation, not rules:
 * the core still validates every value.
 */
const OPTION_HINTS = {
    zone: { autocomplete: true, max_length: 64 },
    /** `admins add|remove`: pick a member or a role from Discord's own picker. */
    target: { mentionable: true },
    time: { min_length: 4, max_length: 5 },
    text: { max_length: 4000 },
};
/**
 * The `/prep` command as Discord registers it, built from the core's command registry so a new
 * verb appears without adapter changes. Options are strings (the core parses them); required
 * options come first, as Discord demands.
 */
export function commandDefinitions(commands = COMMANDS) {
    const subcommands = commands.slice(0, MAX_SUBCOMMANDS).map(subcommand);
    return [
        {
            type: ApplicationCommandType.ChatInput,
            name: COMMAND_NAME,
            description: COMMAND_DESCRIPTION,
            contexts: [InteractionContextType.Guild],
            integration_types: [ApplicationIntegrationType.GuildInstall],
            options: subcommands,
        },
    ];
}
/** Verbs beyond Discord's 25 subcommands, which `/prep` cannot offer (reported by register). */
export function verbsLeftOut(commands = COMMANDS) {
    return commands.slice(MAX_SUBCOMMANDS).map((c) => c.verb);
}
function subcommand(c) {
    const description = `${c.summary.charAt(0).toUpperCase()}${c.summary.slice(1)}${c.admin ? ' (admin)' : ''}`;
    const options = [...c.options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required))).slice(0, 25);
    return {
        type: ApplicationCommandOptionType.Subcommand,
        name: c.verb,
        description: shorten(description, LIMITS.commandDescription),
        options: options.map(option),
    };
}
function option(o) {
    const hint = OPTION_HINTS[o.name] ?? {};
    if (hint.mentionable && !o.choices?.length) {
        return { type: ApplicationCommandOptionType.Mentionable, name: o.name, description: shorten(o.description, LIMITS.commandDescription), required: Boolean(o.required) };
    }
    const base = {
        type: ApplicationCommandOptionType.String,
        name: o.name,
        description: shorten(o.description, LIMITS.commandDescription),
        required: Boolean(o.required),
        ...(hint.min_length !== undefined ? { min_length: hint.min_length } : {}),
        ...(hint.max_length !== undefined ? { max_length: hint.max_length } : {}),
    };
    if (o.choices?.length)
        return { ...base, choices: o.choices.slice(0, LIMITS.choices).map((v) => ({ name: v, value: v })) };
    if (o.autocomplete || hint.autocomplete)
        return { ...base, autocomplete: true };
    return base;
}
/**
 * A subcommand's option values turned back into the core's `args` string, in the order the
 * registry lists the options (so `schedule` gets `09:00 Europe/Berlin weekdays`).
 */
export function argsFromOptions(verb, get, commands = COMMANDS) {
    const command = commands.find((c) => c.verb === verb);
    if (!command)
        return '';
    return command.options
        .map((o) => get(o.name)?.trim() ?? '')
        .filter((v) => v.length > 0)
        .join(' ');
}
