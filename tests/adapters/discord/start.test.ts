import { afterEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { checkRegisteredCommands } from '../../../src/adapters/discord/command-check.js';
import { commandDefinitions } from '../../../src/adapters/discord/command-definitions.js';
import type { Bot } from '../../../src/core/bot.js';
import { MemoryLogger } from '../../fakes/silent-logger.js';
import { DiscordStandIn, MEMBER } from '../../stand-ins/discord-stand-in.js';
import { startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
let standIn: DiscordStandIn | null = null;

afterEach(async () => {
  await rig?.stop();
  await standIn?.close();
  rig = null;
  standIn = null;
});

describe('starting the Discord adapter', () => {
  it('logs in through the gateway asking only for the Guilds intent', async () => {
    rig = await startRig();
    expect(rig.standIn.gateway.identifies).toHaveLength(1);
    expect(rig.standIn.gateway.identifies[0]!.intents).toBe(1);
    expect(rig.logs('info')).toContain('connected to Discord');
  });

  it('sends every message with mentions disabled', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'help');
    await rig.standIn.waitFor(() => ix.original, 'the reply');
    expect(ix.callbacks[0]?.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('stops start-up with a message naming DISCORD_TOKEN when Discord rejects the token', async () => {
    standIn = await DiscordStandIn.start({ token: 'the-real-token' });
    const adapter = new DiscordAdapter({ token: 'a-wrong-token', apiUrl: standIn.apiUrl, adminUserIds: [], logger: new MemoryLogger() });
    await expect(adapter.start({} as Bot)).rejects.toThrow(/DISCORD_TOKEN/);
    const gatewayCalls = standIn.rest.requests.filter((r) => r.path === '/gateway/bot');
    expect(gatewayCalls.map((r) => r.status)).toEqual([401]);
    expect(standIn.gateway.identifies).toEqual([]);
  });

  it('says at start when the registered commands do not match, and what to run', async () => {
    rig = await startRig({ registered: false });
    const warning = rig.logs('warn').find((m) => m.includes('do not match'));
    expect(warning).toMatch(/\/prep is not registered/);
    expect(warning).toMatch(/npm run discord:register/);
  });

  it('names a changed subcommand when the registration is stale', async () => {
    const [prep] = commandDefinitions();
    const stale = { ...prep!, options: prep!.options!.filter((o) => o.name !== 'stats') };
    rig = await startRig({ registered: false });
    rig.standIn.rest.commands.global = [stale];
    const problems = await checkRegisteredCommands(rig.adapter.client, undefined, rig.logger);
    expect(problems).toEqual(['/prep stats is missing']);
  });

  it('checks the guild registration when DISCORD_GUILD_ID is set', async () => {
    rig = await startRig({ registered: false, env: { DISCORD_GUILD_ID: '1200000000000000001' } });
    const checked = rig.standIn.rest.requests.filter((r) => r.method === 'GET' && r.path.includes('/commands'));
    expect(checked.map((r) => r.path)).toEqual([`/applications/${rig.standIn.bot.id}/guilds/1200000000000000001/commands`]);
  });
});
