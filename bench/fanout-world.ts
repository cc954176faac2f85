/**
 * The places of the morning rush: Discord guilds that the bot's one gateway client is in, and Slack
 * workspaces that added prepbot through Add to Slack, each install (with its own bot token) sealed
 * into the database as the OAuth flow stores it, so every Slack post goes out with its workspace's
 * token. Local stand-ins enforce the platforms' published limits: Slack's chat.postMessage about one
 * message a second per channel with short bursts, Discord's 50 requests a second per token and its
 * per-channel route buckets.
 */
import { randomBytes } from 'node:crypto';
import { SealedInstallationStore } from '../src/adapters/slack/installations.js';
import { createLogger } from '../src/logger.js';
import { SecretBox } from '../src/secrets/secret-box.js';
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
  /** PREPBOT_SECRET_KEY of this run (64 hex characters). */
  secretKey: string;
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
    secretKey: randomBytes(32).toString('hex'),
    channels: list,
    async close() {
      await slack.close();
      await discord.close();
    },
  };
}

/** A workspace's bot token in this run. */
const tokenOf = (scopeId: string) => `xoxb-fanout-${scopeId.slice('slack:'.length)}`;

/**
 * A fresh database with every Slack workspace's install, sealed by the real installation store,
 * and every channel's daily question scheduled for `postTime` (UTC), through the real store.
 */
export async function seedDatabase(dbFile: string, world: FanoutWorld, postTime: string, now: number): Promise<void> {
  const store = SqliteStore.open(dbFile);
  try {
    const installs = new SealedInstallationStore(store.installs, SecretBox.fromHex(world.secretKey), createLogger('silent'));
    for (const scopeId of new Set(world.channels.filter((c) => c.platform === 'slack').map((c) => c.scopeId))) {
      const team = scopeId.slice('slack:'.length);
      await installs.storeInstallation({
        team: { id: team, name: team },
        enterprise: undefined,
        user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
        bot: { id: `B${team}`, userId: 'UBOT', token: tokenOf(scopeId), scopes: ['commands', 'chat:write'] },
        tokenType: 'bot',
        isEnterpriseInstall: false,
        appId: 'A1',
        authVersion: 'v2',
      });
    }
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

/** Slack posts made with a token other than their workspace's. */
export function foreignTokens(world: FanoutWorld): number {
  const scopeOf = new Map(world.channels.map((c) => [c.raw, c.scopeId]));
  const posts = world.slack.callsTo('chat.postMessage').filter((c) => scopeOf.has(String(c.body.channel)));
  return posts.filter((c) => c.token !== tokenOf(scopeOf.get(String(c.body.channel))!)).length;
}

/** When each channel's posts reached its stand-in (epoch ms), by the core's channel id. */
export function postTimes(world: FanoutWorld): Map<string, number[]> {
  const times = new Map<string, number[]>(world.channels.map((c) => [c.raw, []]));
  for (const m of world.slack.messages) if (!m.thread_ts) times.get(m.channel)?.push(m.at);
  for (const m of world.discord.rest.messages.values()) times.get(m.channelId)?.push(m.createdAt);
  return new Map(world.channels.map((c) => [c.channelId, times.get(c.raw) ?? []]));
}
