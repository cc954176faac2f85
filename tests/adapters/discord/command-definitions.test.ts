import { describe, expect, it } from 'vitest';
import { argsFromOptions, commandDefinitions, subcommandPaths, verbsLeftOut } from '../../../src/adapters/discord/command-definitions.js';
import { cmd, discordGroup } from '../../../src/core/command-text.js';
import { diffCommands } from '../../../src/adapters/discord/command-diff.js';
import type { Command } from '../../../src/core/commands/command.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';

const STRING = 3;
const SUBCOMMAND = 1;
const GROUP = 2;

const entries = () => commandDefinitions()[0]!.options! as any[];
const admin = () => entries().find((o) => o.name === 'admin');
const sub = (name: string) => entries().find((o) => o.name === name) ?? admin().options.find((o: any) => o.name === name);

describe('the /prep command built from the core registry', () => {
  it("has members' verbs as subcommands and every admin verb in the admin group, within Discord's 25 per level", () => {
    const [prep] = commandDefinitions();
    expect(prep!.name).toBe('prep');
    const members = COMMANDS.filter((c) => !c.admin).map((c) => c.verb);
    const admins = COMMANDS.filter((c) => c.admin).map((c) => c.verb);
    expect(entries().filter((o) => o.type === SUBCOMMAND).map((o) => o.name)).toEqual(members);
    expect(admin()).toMatchObject({ type: GROUP });
    expect(admin().options.map((o: any) => o.name)).toEqual(admins);
    expect(entries().length).toBeLessThanOrEqual(25);
    expect(admin().options.length).toBeLessThanOrEqual(25);
    expect(verbsLeftOut()).toEqual([]);
    expect([...entries(), ...admin().options].every((o) => o.description.length <= 100)).toBe(true);
    expect(subcommandPaths()).toContain('admin schedule');
    expect(subcommandPaths()).toContain('interview');
    expect(subcommandPaths()).toContain('suggest');
    expect(subcommandPaths()).toContain('admin approve');
  });

  it('names verbs in replies where they sit: /prep admin schedule on Discord, /prep schedule on Slack', () => {
    for (const c of COMMANDS) expect(discordGroup(c.verb)).toBe(c.admin ? 'admin' : undefined);
    expect(cmd('discord', 'schedule 09:00')).toBe('/prep admin schedule 09:00');
    expect(cmd('discord', 'interview stop')).toBe('/prep interview stop');
    expect(cmd('slack', 'schedule')).toBe('/prep schedule');
    expect(cmd('console', 'digest')).toBe('/digest');
    expect(cmd('discord', 'suggest')).toBe('/prep suggest');
    expect(cmd('discord', 'approve 3')).toBe('/prep admin approve 3');
    expect(cmd('console', 'suggestions')).toBe('/suggestions');
  });

  it('leaves room for more verbs, and reports the ones past the limits', () => {
    const many: Command[] = Array.from({ length: 30 }, (_, i) => ({ verb: `v${i}`, admin: false, usage: `v${i}`, summary: 's', options: [], run: () => [] }));
    expect(verbsLeftOut(many)).toEqual(['v25', 'v26', 'v27', 'v28', 'v29']);
  });

  it('offers period choices, topic autocomplete and zone autocomplete', () => {
    const period = sub('leaderboard').options.find((o: any) => o.name === 'period');
    expect(period.choices.map((c: any) => c.value)).toEqual(['week', 'month', 'all']);
    expect(sub('quiz').options[0]).toMatchObject({ name: 'topic', type: STRING, autocomplete: true });
    expect(sub('schedule').options.find((o: any) => o.name === 'zone')).toMatchObject({ autocomplete: true });
    expect(sub('schedule').options.find((o: any) => o.name === 'time')).toMatchObject({ required: true, max_length: 5 });
  });

  it('leaves the text of /prep answer optional, so /prep answer alone can open the form', () => {
    expect(sub('answer').options).toEqual([expect.objectContaining({ name: 'text', type: STRING, required: false, max_length: 4000 })]);
  });

  it('lists required options first, as Discord demands', () => {
    const verb: Command = {
      verb: 'demo',
      admin: false,
      usage: 'demo',
      summary: 'demo',
      options: [
        { name: 'later', description: 'optional' },
        { name: 'first', description: 'required', required: true },
      ],
      run: () => [],
    };
    const [prep] = commandDefinitions([verb]);
    expect((prep!.options![0] as any).options.map((o: any) => o.name)).toEqual(['first', 'later']);
  });

  it('picks up a new verb without adapter changes', () => {
    const verb: Command = { verb: 'streaks', admin: false, usage: 'streaks', summary: 'show streaks', options: [], run: () => [] };
    const [prep] = commandDefinitions([...COMMANDS.slice(0, 3), verb]);
    expect(prep!.options!.map((o) => o.name)).toContain('streaks');
    expect(subcommandPaths([...COMMANDS.slice(0, 3), verb])).toEqual(['answer', 'quiz', 'streaks', 'admin daily']);
  });

  it('declares both installs (a server, a member for themselves) and the places it is used: servers, the bot\'s DMs, group DMs', () => {
    const [prep] = commandDefinitions();
    expect(prep!.integration_types).toEqual([0, 1]); // GUILD_INSTALL, USER_INSTALL
    expect(prep!.contexts).toEqual([0, 1, 2]); // GUILD, BOT_DM, PRIVATE_CHANNEL
    // Discord takes both on global commands only: the development registration in one server has neither.
    const [inServer] = commandDefinitions(undefined, { scope: 'guild' });
    expect(inServer).not.toHaveProperty('integration_types');
    expect(inServer).not.toHaveProperty('contexts');
  });

  it("turns typed options back into the core's arguments in registry order", () => {
    const values: Record<string, string> = { days: 'daily', time: '09:00', zone: 'Europe/Berlin' };
    expect(argsFromOptions('schedule', (n) => values[n] ?? null)).toBe('09:00 Europe/Berlin daily');
    expect(argsFromOptions('schedule', (n) => (n === 'time' ? '7:30' : null))).toBe('7:30');
    expect(argsFromOptions('answer', () => 'Attention weighs  tokens')).toBe('Attention weighs  tokens');
  });
});

describe('comparing registered commands', () => {
  it('finds nothing to report when Discord has what register sends (plus its own fields)', () => {
    const registered = commandDefinitions().map((c) => ({ ...c, id: '1', version: '2', application_id: '3', default_member_permissions: null, nsfw: false }));
    expect(diffCommands(commandDefinitions(), registered)).toEqual([]);
  });

  it('notices a global registration from before the user install (server install and servers only)', () => {
    const [prep] = commandDefinitions() as any[];
    const old = { ...structuredClone(prep), integration_types: [0], contexts: [0] };
    expect(diffCommands([prep], [old])).toEqual(['/prep has old install types and contexts (user install, DMs)']);
    expect(diffCommands(commandDefinitions(undefined, { scope: 'guild' }), [old])).toEqual([]);
  });

  it('names a missing command, a missing or changed option and a removed one', () => {
    const [prep] = commandDefinitions() as any[];
    const stale = structuredClone(prep);
    stale.options = stale.options.filter((o: any) => o.name !== 'hint');
    stale.options.find((o: any) => o.name === 'leaderboard').options[0].choices.pop();
    stale.options.find((o: any) => o.name === 'admin').options = stale.options.find((o: any) => o.name === 'admin').options.filter((o: any) => o.name !== 'skip');
    stale.options.push({ type: SUBCOMMAND, name: 'old-verb', description: 'gone' });
    expect(diffCommands([prep], [])).toEqual(['/prep is not registered']);
    expect(diffCommands([prep], [stale])).toEqual([
      '/prep hint is missing',
      '/prep leaderboard period differs (choices)',
      '/prep admin skip is missing',
      '/prep old-verb is registered but no longer exists',
    ]);
  });
});
