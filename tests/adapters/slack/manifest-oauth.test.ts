import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES } from '../../../src/adapters/slack/oauth.js';

/** The parts of Slack's app manifest schema this test reads. */
interface Manifest {
  features?: { slash_commands?: { command: string; url?: string; usage_hint?: string }[] };
  oauth_config?: { redirect_urls?: string[]; scopes?: { bot?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled?: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
    org_deploy_enabled?: boolean;
    token_rotation_enabled?: boolean;
  };
}

const read = (file: string) => parse(readFileSync(join(import.meta.dirname, '../../../slack', file), 'utf8')) as Manifest;
const single = read('manifest.yaml');
const oauth = read('manifest-oauth.yaml');

describe('slack/manifest-oauth.yaml (Add to Slack)', () => {
  it('has the same command, scopes and events as the single-workspace manifest, and asks for what the installer requests', () => {
    expect(oauth.features?.slash_commands?.map((c) => [c.command, c.usage_hint])).toEqual(single.features?.slash_commands?.map((c) => [c.command, c.usage_hint]));
    expect(oauth.oauth_config?.scopes?.bot).toEqual(single.oauth_config?.scopes?.bot);
    expect([...BOT_SCOPES].sort()).toEqual([...(single.oauth_config?.scopes?.bot ?? [])].sort());
    expect(oauth.settings?.event_subscriptions?.bot_events).toEqual(single.settings?.event_subscriptions?.bot_events);
  });

  it("runs over HTTP at Bolt's default paths, one workspace per install, tokens that do not expire", () => {
    expect(oauth.settings?.socket_mode_enabled).toBe(false);
    expect(oauth.oauth_config?.redirect_urls).toEqual(['https://prepbot.example.com/slack/oauth_redirect']);
    for (const url of [oauth.settings?.event_subscriptions?.request_url, oauth.settings?.interactivity?.request_url, ...(oauth.features?.slash_commands ?? []).map((c) => c.url)]) {
      expect(url).toBe('https://prepbot.example.com/slack/events');
    }
    expect(oauth.settings?.org_deploy_enabled).toBe(false);
    expect(oauth.settings?.token_rotation_enabled).toBe(false);
  });
});
