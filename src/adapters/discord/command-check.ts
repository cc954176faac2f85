import { Routes, type Client, type REST } from 'discord.js';
import type { Logger } from '../../core/ports.js';
import { commandDefinitions, subcommandPaths } from './command-definitions.js';
import { diffCommands } from './command-diff.js';
import { loggable } from './delivery-errors.js';

/** Where the commands live: a development server (DISCORD_GUILD_ID) or global. */
function commandsRoute(applicationId: string, guildId: string | undefined): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}

/**
 * Compares the commands Discord has registered with what this version would register and says
 * what differs. Returns the differences (empty when they match). Never fails start-up: a check
 * that cannot run is logged and skipped.
 */
export async function checkRegisteredCommands(client: Client, guildId: string | undefined, logger: Logger): Promise<string[]> {
  const applicationId = client.application?.id;
  if (!applicationId) return [];
  const scope = guildId ? `server ${guildId}` : 'global';
  try {
    const registered = (await client.rest.get(commandsRoute(applicationId, guildId))) as object[];
    const problems = diffCommands(commandDefinitions(undefined, { scope: guildId ? 'guild' : 'global' }), registered);
    if (problems.length === 0) logger.info({ scope }, 'Discord slash commands are registered and up to date');
    else logger.warn({ scope, problems }, `Discord slash commands (${scope}) do not match this version: ${problems.join('; ')}. Run npm run discord:register.`);
    return problems;
  } catch (err) {
    logger.warn({ err: loggable(err), scope }, 'could not check the registered Discord slash commands');
    return [];
  }
}

/** What `npm run discord:register` did. */
export interface Registration {
  applicationId: string;
  scope: string;
  subcommands: string[];
}

/**
 * Registers `/prep` (a bulk overwrite, so removed verbs disappear too), in one server when
 * `guildId` is given (instant, for development) or globally.
 */
export async function registerCommands(rest: REST, opts: { applicationId?: string; guildId?: string }): Promise<Registration> {
  const applicationId = opts.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = commandDefinitions(undefined, { scope: opts.guildId ? 'guild' : 'global' });
  await rest.put(commandsRoute(applicationId, opts.guildId), { body });
  const subcommands = subcommandPaths();
  return { applicationId, scope: opts.guildId ? `server ${opts.guildId}` : 'global', subcommands };
}
