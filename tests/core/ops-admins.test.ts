import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/model.js';
import { harness, OTHER_SCOPE, PLACE, textOf } from '../fakes/harness.js';

/** A Discord member with a numeric id, as real ones have, and optional roles. */
function member(id: string, name: string, roles: string[] = []): Actor {
  return { id: `discord:${id}`, platformId: id, name, groups: roles.map((r) => `discord-role:${r}`), isPlatformAdmin: async () => false };
}

const LEAD = member('1001', 'lead');
const ANN = member('1002', 'ann', ['555']);
const SLACK = { platform: 'slack' as const, scopeId: 'slack:T1', channelId: 'slack:T1:C1' };

describe('admins beyond platform rights', () => {
  it('lets an admin add a user by mention, who may then use admin verbs in this server only', async () => {
    const h = harness();
    expect(textOf(await h.cmd(LEAD, 'schedule 09:00'))).toMatch(/Only admins can use \/prep admin schedule\. An admin of this server can add you with \/prep admin admins add/);
    await h.cmd(LEAD, 'help'); // the lead is known by name from now on
    expect(textOf(await h.cmd('admin', 'admins add <@1001>'))).toMatch(/lead \(1001\) may now use admin verbs in this server/);
    expect(textOf(await h.cmd(LEAD, 'schedule 09:00'))).toMatch(/Scheduled/);
    expect(textOf(await h.cmd(LEAD, 'daily', OTHER_SCOPE))).toMatch(/Only admins can use \/prep admin daily/);
    expect(textOf(await h.cmd('admin', 'admins add <@!1001>'))).toMatch(/already on the admin list/);
  });

  it('lets an admin add a role, whose members then count as admins', async () => {
    const h = harness();
    expect(textOf(await h.cmd(ANN, 'pause'))).toMatch(/Only admins/);
    expect(textOf(await h.cmd('admin', 'admins add <@&555>'))).toMatch(/Members of role 555 may now use admin verbs/);
    expect(textOf(await h.cmd(ANN, 'settings'))).toMatch(/Settings of this channel/);
    expect(textOf(await h.cmd(member('1003', 'bob', ['777']), 'settings'))).toMatch(/Only admins/);
  });

  it('takes Slack user and user-group mentions, qualified by workspace', async () => {
    const h = harness();
    const lead: Actor = { id: 'slack:T1:U0LEAD', platformId: 'U0LEAD', name: 'lead', isPlatformAdmin: async () => false };
    const grouped: Actor = { id: 'slack:T1:U0ANN', platformId: 'U0ANN', name: 'ann', groups: ['slack-group:S0PREP'], isPlatformAdmin: async () => false };
    await h.cmd('admin', 'admins add <@U0LEAD|lead>', SLACK);
    await h.cmd('admin', 'admins add <!subteam^S0PREP|@prep-leads>', SLACK);
    expect(h.store.admins.listAdmins('slack:T1').map((a) => [a.subject, a.kind])).toEqual([
      ['slack:T1:U0LEAD', 'user'],
      ['slack-group:S0PREP', 'group'],
    ]);
    expect(textOf(await h.cmd(lead, 'pause', SLACK))).not.toMatch(/Only admins/);
    expect(textOf(await h.cmd(grouped, 'pause', SLACK))).not.toMatch(/Only admins/);
  });

  it('lists and removes admins, and removing someone not listed changes nothing', async () => {
    const h = harness();
    await h.cmd(LEAD, 'help');
    await h.cmd('admin', 'admins add 1001');
    await h.cmd('admin', 'admins add role:555');
    const list = textOf(await h.cmd('admin', 'admins list'));
    expect(list).toMatch(/members with Manage Server, the ids in ADMIN_USER_IDS/);
    expect(list).toMatch(/lead \(1001\), added by admin/);
    expect(list).toMatch(/role 555, added by admin/);
    expect(textOf(await h.cmd('admin', 'admins remove <@1001>'))).toMatch(/lead \(1001\) is off the admin list/);
    expect(textOf(await h.cmd(LEAD, 'pause'))).toMatch(/Only admins/);
    expect(textOf(await h.cmd('admin', 'admins remove <@1001>'))).toMatch(/not on the admin list of this server, so nothing changed/);
    expect(h.store.admins.listAdmins(PLACE.scopeId).map((a) => a.subject)).toEqual(['discord-role:555']);
  });

  it('refuses a non-admin and changes nothing', async () => {
    const h = harness();
    expect(textOf(await h.cmd(LEAD, 'admins add <@1001>'))).toMatch(/Only admins can use \/prep admin admins/);
    expect(textOf(await h.cmd(LEAD, 'admins list'))).toMatch(/Only admins/);
    expect(h.store.admins.listAdmins(PLACE.scopeId)).toEqual([]);
    expect(h.store.admins.recentActions(PLACE.scopeId, 10)).toEqual([]);
  });

  it('refuses everyone-mentions, the @everyone role and targets it cannot read', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'admins add @everyone'))).toMatch(/Everyone in the server or workspace cannot be named/);
    expect(textOf(await h.cmd('admin', 'admins add <@&g1>'))).toMatch(/is not a Discord user or role/);
    const guild = { platform: 'discord' as const, scopeId: 'discord:4242', channelId: 'discord:4242:1' };
    expect(textOf(await h.cmd('admin', 'admins add <@&4242>', guild))).toMatch(/That is the @everyone role/);
    expect(textOf(await h.cmd('admin', 'admins add'))).toMatch(/Say whom to add/);
    expect(textOf(await h.cmd('admin', 'admins promote <@1001>'))).toMatch(/"promote" is not add, remove or list/);
    expect(textOf(await h.cmd('admin', "admins add 1; DROP TABLE admins"))).toMatch(/is not a Discord user or role/);
    expect(h.store.admins.listAdmins(PLACE.scopeId)).toEqual([]);
  });

  it('records who added and removed whom, and when', async () => {
    const h = harness();
    await h.cmd('admin', 'admins add <@1001>');
    h.clock.advanceHours(1);
    await h.cmd('admin', 'admins remove <@1001>');
    await h.cmd('admin', 'admins list'); // reading changes nothing, so it is not recorded
    const actions = h.store.admins.recentActions(PLACE.scopeId, 10);
    expect(actions.map((a) => [a.actorId, a.action, a.detail])).toEqual([
      ['discord:admin', 'admins', 'remove discord:1001'],
      ['discord:admin', 'admins', 'add discord:1001'],
    ]);
    expect(actions[0]!.at - actions[1]!.at).toBe(3_600_000);
  });
});
