import { spawn } from 'node:child_process';
import { REST } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCommands } from '../../../src/adapters/discord/command-check.js';
import { commandDefinitions } from '../../../src/adapters/discord/command-definitions.js';
import { diffCommands } from '../../../src/adapters/discord/command-diff.js';
import { APP_ID, DiscordStandIn, GUILD_ID } from '../../stand-ins/discord-stand-in.js';

let standIn: DiscordStandIn | null = null;
afterEach(async () => {
  await standIn?.close();
  standIn = null;
});

const restFor = (s: DiscordStandIn, token = s.token) => new REST({ api: s.apiUrl }).setToken(token);

describe('registering /prep', () => {
  it('registers in one server when a guild is given, asking Discord for the application id', async () => {
    standIn = await DiscordStandIn.start();
    const done = await registerCommands(restFor(standIn), { guildId: GUILD_ID });
    expect(done).toMatchObject({ applicationId: APP_ID, scope: `server ${GUILD_ID}` });
    const registered = standIn.rest.commands.guild.get(GUILD_ID)!;
    expect(diffCommands(commandDefinitions(undefined, { scope: 'guild' }), registered)).toEqual([]);
    expect(registered[0]).not.toHaveProperty('integration_types');
    expect(standIn.rest.commands.global).toEqual([]);
  });

  it('registers globally without a guild', async () => {
    standIn = await DiscordStandIn.start();
    await registerCommands(restFor(standIn), { applicationId: APP_ID });
    expect(diffCommands(commandDefinitions(), standIn.rest.commands.global)).toEqual([]);
    expect(standIn.rest.commands.global[0]).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('npm run discord:register reports what it registered, and names DISCORD_TOKEN when it is rejected', async () => {
    standIn = await DiscordStandIn.start();
    const run = (token: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD')));
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/adapters/discord/register-cli.ts'], {
          env: { ...clean, DISCORD_TOKEN: token, DISCORD_API_URL: standIn!.apiUrl, DISCORD_GUILD_ID: GUILD_ID },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const [good, bad] = await Promise.all([run(standIn.token), run('wrong-token')]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(new RegExp(`Registered /prep in server ${GUILD_ID} .* subcommands: answer, quiz`));
    expect(good.out).toContain(`Invite the bot to a server with: https://discord.com/oauth2/authorize?client_id=${APP_ID}&integration_type=0&scope=bot+applications.commands&permissions=309237763072\n`);
    expect(good.out).toContain('Members install prepbot for themselves (practice in DMs) once /prep is registered globally: run this again without DISCORD_GUILD_ID.');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/discord:register failed: Discord rejected DISCORD_TOKEN/);
  });
});
