import { DiscordAPIError, REST } from 'discord.js';
import { ConfigError, loadConfig, loadDotEnv } from '../../config.js';
import { registerCommands } from './command-check.js';
import { verbsLeftOut } from './command-definitions.js';
import { inviteUrl, userInstallUrl } from './invite.js';

/**
 * `npm run discord:register`: registers `/prep` with Discord, in DISCORD_GUILD_ID when set
 * (instant, for development), else globally, and prints the invite link with the permissions the
 * bot needs. DISCORD_APPLICATION_ID is optional: without it, Discord is asked (the token's application).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set: put the bot token in the environment or in .env.');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const done = await registerCommands(rest, { applicationId: config.DISCORD_APPLICATION_ID, guildId: config.DISCORD_GUILD_ID });
  const where = config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally';
  process.stdout.write(`Registered /prep ${where} for application ${done.applicationId} with ${done.subcommands.length} subcommands: ${done.subcommands.join(', ')}.\n`);
  const left = verbsLeftOut();
  if (left.length) process.stdout.write(`Discord allows 25 entries under /prep and 25 in a group; left out: ${left.join(', ')}.\n`);
  process.stdout.write(`Invite the bot to a server with: ${inviteUrl(done.applicationId)}\n`);
  if (config.DISCORD_GUILD_ID) {
    process.stdout.write('Members install prepbot for themselves (practice in DMs) once /prep is registered globally: run this again without DISCORD_GUILD_ID.\n');
  } else {
    process.stdout.write(`Members install it for themselves (practice in DMs) with: ${userInstallUrl(done.applicationId)} (tick User Install under Installation in the Developer Portal first)\n`);
  }
}

main().catch((err: unknown) => {
  let message = err instanceof Error ? err.message : String(err);
  if (err instanceof DiscordAPIError && err.status === 401) message = 'Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Discord Developer Portal.';
  else if (err instanceof ConfigError) message = err.message;
  process.stderr.write(`discord:register failed: ${message}\n`);
  process.exit(1);
});
