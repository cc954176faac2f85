/**
 * The places of the morning rush as one prepbot process sees them today: Discord guilds that its
 * one gateway client is in, and Slack workspaces whose channel ids (`slack:<team>:<channel>`) the
 * core keeps apart, all posted to through the single bot token of today's Slack adapter (the Web
 * API takes the channel id; the published limit counts per channel). Local stand-ins enforce the
 * platforms' published limits: Slack's chat.postMessage about one message a second per channel
 * with short bursts, Discord's 50 requests a second per token and its per-channel route buckets.
 */
import { SqliteStore } from '../src/storage/sqlite-store.js';
import { DISCORD_LIMITS } from '../tests/stand-ins/discord-rate-limits.js';
import type { GuildFixture, UserFixture } from '../tests/stand-ins/discord-payloads.js';
import { DiscordStandIn } from '../tests/stand-ins/discord-stand-in.js';
import { SlackWebApiStandIn } from '../tests/stand-ins/slack-web-api.js';

/** Slack's chat.postMessage: about one a second per channel; the burst is our reading of "short bursts". */
const SLACK_POST_LIMIT = { perSecond: 1, burst: 3 };

const OWNER: UserFixture = { id: '1400000000000000900', username: 'owner', manageServer: true };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export interface FanoutWorld {
  slack: SlackWebApiStandIn;
  discord: DiscordStandIn;
  /** Every channel as the core names it, with the platform's own id. */
  channels: { platform: 'slack' | 'discord'; scopeId: string; channelId: string; raw: string }[];
  close(): Promise<void>;
}

/**
 * `channels` spread over `places` places, half Slack workspaces and half Discord guilds (5,000 in
 * 50 gives 100 a place), with the stand-ins started and limiting.
 */
export async function startWorld(channels: number, places: number): Promise<FanoutWorld> {
  const list: FanoutWorld['channels'] = [];
  const guilds: GuildFixture[] = [];
  for (let p = 0; p < places; p += 1) {
    const count = Math.floor(channels / places) + (p < channels % places ? 1 : 0);
    if (p % 2 === 0) {
      const team = `TF${pad(p, 3)}`;
      for (let c = 0; c < count; c += 1) {
        const raw = `CF${pad(p, 3)}${pad(c, 5)}`;
        list.push({ platform: 'slack', scopeId: `slack:${team}`, channelId: `slack:${team}:${raw}`, raw });
      }
    } else {
      const guild = String(1_300_000_000_000_000_000n + BigInt(p));
      const fixture: GuildFixture = { id: guild, name: `Guild ${p}`, ownerId: OWNER.id, channels: [], roles: [], members: [OWNER] };
      for (let c = 0; c < count; c += 1) {
        const raw = String(1_310_000_000_000_000_000n + BigInt(p * 100_000 + c));
        fixture.channels.push({ id: raw, name: `prep-${c}` });
        list.push({ platform: 'discord', scopeId: `discord:${guild}`, channelId: `discord:${guild}:${raw}`, raw });
      }
      guilds.push(fixture);
    }
  }
  const slack = await SlackWebApiStandIn.start();
  slack.limitPosts(SLACK_POST_LIMIT);
  const discord = await DiscordStandIn.start({ guilds, rateLimits: DISCORD_LIMITS });
  return {
    slack,
    discord,
    channels: list,
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}

/** Schedules every channel's daily question for `postTime` (UTC) in a fresh database, through the real store. */
export function seedSchedules(dbFile: string, world: FanoutWorld, postTime: string, now: number): void {
  const store = SqliteStore.open(dbFile);
  try {
    store.db.transaction(() => {
      for (const c of world.channels) {
        store.channels.ensureChannel(c, { timezone: 'UTC' });
        store.channels.updateChannel(c.channelId, { postTime, scheduleSetAt: now });
      }
    })();
  } finally {
    store.close();
  }
}

/** When each channel's posts reached its stand-in (epoch ms), by the core's channel id. */
export function postTimes(world: FanoutWorld): Map<string, number[]> {
  const times = new Map<string, number[]>(world.channels.map((c) => [c.raw, []]));
  for (const m of world.slack.messages) if (!m.thread_ts) times.get(m.channel)?.push(m.at);
  for (const m of world.discord.rest.messages.values()) times.get(m.channelId)?.push(m.createdAt);
  return new Map(world.channels.map((c) => [c.channelId, times.get(c.raw) ?? []]));
}
