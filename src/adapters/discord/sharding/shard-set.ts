import { ShardClientUtil } from 'discord.js';
import { parseChannelId, parsePersonalId } from '../ids.js';

/** The gateway shards one process runs, out of how many the bot has. */
export interface ShardSet {
  ids: number[];
  count: number;
}

/** One process, one connection: shard 0 of 1 (every server). */
export const ALL_SHARDS: ShardSet = { ids: [0], count: 1 };

/**
 * The shards of this process, from `SHARDS` and `SHARD_COUNT` as discord.js's ShardingManager sets
 * them for each shard process (`SHARDS` is a number or a JSON list); all of them when unset.
 */
export function shardsOfProcess(env: NodeJS.ProcessEnv = process.env): ShardSet {
  if (env.SHARDS === undefined || env.SHARD_COUNT === undefined) return ALL_SHARDS;
  const parsed: unknown = JSON.parse(env.SHARDS);
  const ids = Array.isArray(parsed) ? parsed : [parsed];
  const count = Number(env.SHARD_COUNT);
  if (!Number.isInteger(count) || count < 1 || !ids.every((id) => Number.isInteger(id) && id >= 0 && id < count)) {
    throw new Error(`SHARDS=${env.SHARDS} and SHARD_COUNT=${env.SHARD_COUNT} do not name shards of this bot`);
  }
  return { ids: ids as number[], count };
}


/**
 * Whether a channel is this process's to post in: a server channel when Discord puts its server on
 * one of our shards (`(guild_id >> 22) % count`, the gateway's own rule, so every channel has
 * exactly one owner whether or not its server is in the cache now); a member's own space (DMs, a
 * user install) on shard 0, where Discord sends DMs.
 */
export function servesChannel(set: ShardSet, channelId: string): boolean {
  const place = parseChannelId(channelId);
  if (place) return set.ids.includes(ShardClientUtil.shardIdForGuildId(place.guildId, set.count));
  return parsePersonalId(channelId) !== null && set.ids.includes(0);
}
