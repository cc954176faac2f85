import { Client, DiscordjsError, DiscordjsErrorCodes, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../../config.js';
import type { Bot } from '../../core/bot.js';
import type { Logger } from '../../core/ports.js';
import { ConnectionState, type Connection } from '../connection-state.js';
import type { AdapterEnv, PlatformAdapter } from '../platform-adapter.js';
import { checkRegisteredCommands } from './command-check.js';
import { loggable } from './delivery-errors.js';
import { DiscordChat } from './discord-chat.js';
import { handleInteraction } from './interactions.js';
import { watchLostPlaces } from './lost-places.js';
import { ReplyRoutes } from './reply-routes.js';
import { ALL_SHARDS, servesChannel, shardsOfProcess, type ShardSet } from './sharding/shard-set.js';

/** Settings of the Discord adapter, from the config (see {@link DiscordAdapter.fromConfig}) or a test. */
export interface DiscordAdapterOptions {
  token: string;
  /** REST base URL (DISCORD_API_URL), e.g. `http://127.0.0.1:9000/api`; Discord's when unset. */
  apiUrl?: string;
  /** Where `discord:register` put the commands (DISCORD_GUILD_ID); global when unset. */
  guildId?: string;
  adminUserIds: readonly string[];
  logger: Logger;
  /** How long a command may run before its reply is deferred. Default 1.5 s (Discord allows 3). */
  deferAfterMs?: number;
  /** How long start waits for the gateway's READY and the servers. Default 60 s. */
  readyTimeoutMs?: number;
  /** The clock of the gateway connection's state, for the health check (Date.now by default). */
  now?: () => number;
  /** The gateway shards this process runs (a shard process of DISCORD_SHARDS); all by default. */
  shards?: ShardSet;
}

/**
 * prepbot on Discord through discord.js's gateway client: slash commands, the Answer button and
 * its modal become core events; core replies become embeds, buttons and modals. No game rule
 * lives here. Round state is in the database, so a reconnect (discord.js's job) or a restart
 * loses nothing: buttons carry their round in their `custom_id`.
 */
export class DiscordAdapter implements PlatformAdapter {
  readonly platform = 'discord' as const;
  readonly chat: DiscordChat;
  readonly client: Client;
  private readonly routes = new ReplyRoutes();
  private readonly logger: Logger;
  private accepting = true;
  /** The gateway connection (discord.js reconnects by itself), for `/healthz`. */
  private readonly link: ConnectionState;

  /** The gateway shards this process runs. */
  readonly shards: ShardSet;

  constructor(private readonly opts: DiscordAdapterOptions) {
    this.logger = opts.logger;
    this.shards = opts.shards ?? ALL_SHARDS;
    this.link = new ConnectionState("Discord's gateway", opts.now);
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      shards: this.shards.ids,
      shardCount: this.shards.count,
      // No pings from anything the bot sends; the daily post opts one role back in explicitly.
      allowedMentions: { parse: [] },
      // No message cache: the bot reads its posts by id and never from the cache, and discord.js
      // would otherwise keep up to 200 messages of every channel it posts in.
      makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
      // Posts, edits and DMs hand a rate limit back (a DeliveryError with its wait) instead of
      // waiting inside discord.js, so the app's send queue, which holds every send of the
      // platform, is the one place that waits. Interaction replies still wait in discord.js.
      rest: { ...(opts.apiUrl ? { api: opts.apiUrl } : {}), rejectOnRateLimit: ['/channels', '/users'] },
    });
    this.chat = new DiscordChat({ client: this.client, routes: this.routes, logger: this.logger, adminUserIds: opts.adminUserIds });
  }

  /** The adapter the settings describe (DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GUILD_ID). */
  static fromConfig(config: Config, logger: Logger, _env?: AdapterEnv): DiscordAdapter {
    return new DiscordAdapter({
      token: config.DISCORD_TOKEN ?? '',
      apiUrl: config.DISCORD_API_URL,
      guildId: config.DISCORD_GUILD_ID,
      adminUserIds: config.ADMIN_USER_IDS,
      logger,
      shards: shardsOfProcess(),
    });
  }

  /** Logs in, waits until the servers are known, then checks the registered slash commands. */
  async start(bot: Bot): Promise<void> {
    this.accepting = true;
    const deps = { bot, routes: this.routes, logger: this.logger, deferAfterMs: this.opts.deferAfterMs ?? 1500, accepting: () => this.accepting };
    this.client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
    watchLostPlaces(this.client, bot, this.logger);
    this.client.on(Events.Error, (err) => this.logger.error({ err: loggable(err) }, 'discord client error'));
    this.client.on(Events.Warn, (message) => this.logger.warn({ message }, 'discord client warning'));
    this.client.on(Events.ShardDisconnect, (event, shardId) => {
      this.link.down('disconnected');
      this.logger.warn({ code: event.code, shardId }, 'discord gateway disconnected');
    });
    this.client.on(Events.ShardReconnecting, () => this.link.down('reconnecting'));
    this.client.on(Events.ShardError, () => this.link.down('failing'));
    this.client.on(Events.ShardResume, (shardId) => {
      this.link.up();
      this.logger.info({ shardId }, 'discord gateway resumed');
    });
    this.client.on(Events.ShardReady, () => this.link.up());

    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    try {
      await this.client.login(this.opts.token);
      await withTimeout(ready, this.opts.readyTimeoutMs ?? 60_000, 'Discord did not finish connecting (no READY from the gateway)');
    } catch (err) {
      this.chat.connected(false);
      await this.client.destroy().catch(() => undefined);
      throw startError(err, this.opts.apiUrl);
    }
    this.chat.connected(true);
    this.link.up();
    const user = this.client.user;
    this.logger.info({ user: user?.tag, userId: user?.id, guilds: this.client.guilds.cache.size, shards: this.shards.ids, shardCount: this.shards.count }, 'connected to Discord');
    // The commands are the application's, not a shard's: one process checks them.
    if (this.shards.ids.includes(0)) await checkRegisteredCommands(this.client, this.opts.guildId, this.logger);
  }

  /** The channels whose posts are this process's: its shards' servers (all of them unsharded). */
  serves(channelId: string): boolean {
    return servesChannel(this.shards, channelId);
  }

  /**
   * First step of shutdown: new interactions get a polite "restarting" reply instead of reaching the
   * core, while grades already in flight are still delivered (the client stays connected).
   */
  async stopIntake(): Promise<void> {
    this.accepting = false;
    this.logger.info({}, 'Discord intake stopped; new interactions are told prepbot is restarting');
  }

  connection(): Connection {
    return this.link.current();
  }

  async stop(): Promise<void> {
    this.accepting = false;
    this.chat.connected(false);
    this.routes.clear();
    await this.client.destroy();
  }
}

/** A start-up failure as one sentence; a rejected token names DISCORD_TOKEN. */
function startError(err: unknown, apiUrl: string | undefined): Error {
  if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenMissing) {
    return new Error('DISCORD_TOKEN is empty: set it to the bot token from the Discord Developer Portal.', { cause: err });
  }
  if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) {
    return new Error('Discord rejected DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Discord Developer Portal (Bot, Reset Token).', {
      cause: err,
    });
  }
  const where = apiUrl ?? 'https://discord.com/api';
  const detail = err instanceof Error ? err.message : String(err);
  return new Error(`could not connect to Discord at ${where}: ${detail}`, { cause: err });
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
