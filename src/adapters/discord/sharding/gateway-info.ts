import { DiscordAPIError, REST, Routes, type RESTGetAPIGatewayBotResult } from 'discord.js';

/** What Discord says about the bot's gateway: the shards it recommends, and how many may identify at once. */
export interface GatewayInfo {
  shards: number;
  /** Shards that may start together; the next ones wait Discord's 5-second identify window. */
  maxConcurrency: number;
}

/**
 * `GET /gateway/bot` through DISCORD_API_URL (discord.js's own `auto` shard count always asks
 * discord.com, so the count is asked here, where a proxy or the local stand-in is honoured).
 * A rejected token or an unreachable Discord becomes one sentence naming the setting.
 */
export async function fetchGatewayInfo(token: string, apiUrl: string | undefined): Promise<GatewayInfo> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  try {
    const res = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    return { shards: Math.max(1, res.shards), maxConcurrency: Math.max(1, res.session_start_limit.max_concurrency) };
  } catch (err) {
    if (err instanceof DiscordAPIError && err.status === 401) {
      throw new Error('Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Discord Developer Portal (Bot, Reset Token).', { cause: err });
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw new Error(`could not ask Discord at ${apiUrl ?? 'https://discord.com/api'} how to shard: ${detail}`, { cause: err });
  }
}
