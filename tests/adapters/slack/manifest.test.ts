import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The parts of Slack's app manifest schema this test reads. */
interface Manifest {
  display_information: { name: string; description?: string };
  features?: {
    app_home?: { home_tab_enabled?: boolean };
    bot_user?: { display_name?: string };
    slash_commands?: { command: string; description: string; usage_hint?: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: { interactivity?: { is_enabled?: boolean }; socket_mode_enabled?: boolean; event_subscriptions?: { bot_events?: string[] } };
}

const manifest = parse(readFileSync(join(import.meta.dirname, '../../../slack/manifest.yaml'), 'utf8')) as Manifest;

describe('slack/manifest.yaml', () => {
  it('declares what the adapter uses: /prep, interactivity, Socket Mode, App Home and its event', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toEqual(['/prep']);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.features?.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.settings?.event_subscriptions?.bot_events).toContain('app_home_opened');
  });

  it('subscribes to the events that tell prepbot a channel or the workspace is lost', () => {
    const lost = ['channel_deleted', 'channel_archive', 'channel_left', 'group_deleted', 'group_archive', 'group_left', 'member_left_channel', 'app_uninstalled', 'tokens_revoked'];
    expect(manifest.settings?.event_subscriptions?.bot_events).toEqual(expect.arrayContaining(lost));
  });

  it('asks for the scopes of the Web API methods the adapter calls, and no broader ones', () => {
    const scopes = manifest.oauth_config?.scopes?.bot ?? [];
    // commands: /prep; chat:write: postMessage, postEphemeral, update; users:read: users.info;
    // im:write: conversations.open; files:write: the export's upload; channels:read, groups:read:
    // conversations.info (is the bot a member?); usergroups:read: admins added by user group;
    // channels:history, groups:history: conversations.history and .replies, to find a post a crash interrupted.
    expect([...scopes].sort()).toEqual(['channels:history', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:history', 'groups:read', 'im:write', 'usergroups:read', 'users:read']);
  });

  it("stays within Slack's manifest limits", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(140);
    const bot = manifest.features?.bot_user?.display_name ?? '';
    expect(bot).toMatch(/^[a-z0-9._-]{1,80}$/);
    for (const c of manifest.features?.slash_commands ?? []) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect((c.usage_hint ?? '').length).toBeLessThanOrEqual(1000);
    }
  });
});
