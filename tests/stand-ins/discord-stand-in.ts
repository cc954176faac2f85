import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordGateway, shardOfGuild, type ShardKey } from './discord-gateway.js';
import { DiscordRateLimits, type DiscordLimits } from './discord-rate-limits.js';
import {
  commandData,
  guildPayload,
  interactionBase,
  modalData,
  snowflake,
  textChannelPayload,
  userPayload,
  type GuildFixture,
  type OptionValue,
  type UserFixture,
  type Where,
} from './discord-payloads.js';
import { DiscordRest, type Failure, type InteractionRecord, type StoredMessage, type World } from './discord-rest.js';

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1200000000000000011';
export const OWNER: UserFixture = { id: '1400000000000000009', username: 'owner', globalName: 'Server Owner', manageServer: true };
export const ADMIN: UserFixture = { id: '1400000000000000001', username: 'lead', globalName: 'Team Lead', manageServer: true };
export const MEMBER: UserFixture = { id: '1400000000000000002', username: 'ada', globalName: 'Ada', roles: ['1500000000000000001'] };
export const OTHER: UserFixture = { id: '1400000000000000003', username: 'grace', globalName: 'Grace' };

export const DEFAULT_GUILD: GuildFixture = {
  id: GUILD_ID,
  name: 'Study Group',
  ownerId: OWNER.id,
  channels: [
    { id: CHANNEL_ID, name: 'interview-prep' },
    { id: '1200000000000000012', name: 'general' },
  ],
  roles: [{ id: '1500000000000000001', name: 'cohort-7' }],
  members: [OWNER, ADMIN, MEMBER, OTHER],
};

export interface StandInOptions {
  token?: string;
  guilds?: GuildFixture[];
  /** Discord's window for the first interaction response. Default 3,000 ms. */
  responseWindowMs?: number;
  /** How long `enforce_nonce` dedupes creates. Default 5 minutes. */
  nonceWindowMs?: number;
  /** Enforce Discord's REST rate limits (e.g. DISCORD_LIMITS), on the world's clock. Off by default. */
  rateLimits?: DiscordLimits;
  port?: number;
  /** What `GET /gateway/bot` recommends: shards (default 1) and `max_concurrency` (default 1). */
  shards?: number;
  maxConcurrency?: number;
}

/** A dispatched interaction: its ids and what the bot answered to it so far. */
export type Dispatched = InteractionRecord;

/**
 * A local Discord: REST at `<apiUrl>/v10/...` and a gateway at `/gateway`, enough for a real
 * discord.js Client to log in, receive interactions and answer them. Tests dispatch interactions
 * and read back what reached Discord; `waitFor` waits on that record instead of on time.
 */
export class DiscordStandIn {
  readonly rest: DiscordRest;
  readonly gateway: DiscordGateway;
  readonly token: string;
  readonly guilds: GuildFixture[];
  readonly bot = userPayload({ id: APP_ID, username: 'prepbot' }, true);
  /** Settings the stand-in plays by; `responseWindowMs` may be changed mid-test. */
  readonly world: World;
  private readonly events = new EventEmitter();
  private commandId = snowflake();
  /** Every dispatched interaction's payload, to dispatch again ({@link replay}). */
  private readonly payloads = new Map<string, object>();

  private constructor(
    private readonly server: Server,
    opts: StandInOptions,
  ) {
    this.token = opts.token ?? 'stand-in-token';
    this.guilds = opts.guilds ?? [structuredClone(DEFAULT_GUILD)];
    this.events.setMaxListeners(100);
    this.world = {
      token: this.token,
      appId: APP_ID,
      bot: this.bot,
      guilds: this.guilds,
      gatewayUrl: () => `ws://127.0.0.1:${this.port}/gateway`,
      responseWindowMs: opts.responseWindowMs ?? 3000,
      nonceWindowMs: opts.nonceWindowMs ?? 5 * 60_000,
      now: () => Date.now(),
      shards: opts.shards ?? 1,
      maxConcurrency: opts.maxConcurrency ?? 1,
    };
    const onShard = (g: GuildFixture, [id, count]: ShardKey) => shardOfGuild(g.id, count) === id;
    this.rest = new DiscordRest(this.world, () => this.events.emit('change'));
    if (opts.rateLimits) this.rest.limits = new DiscordRateLimits(opts.rateLimits, () => this.world.now());
    this.gateway = new DiscordGateway(server, {
      token: this.token,
      ready: (sessionId, shard) => ({
        v: 10,
        user: this.bot,
        guilds: this.guilds.filter((g) => onShard(g, shard)).map((g) => ({ id: g.id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        shard,
        application: { id: APP_ID, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        user_settings: {},
        guild_join_requests: [],
        geo_ordered_rtc_regions: [],
      }),
      guilds: (shard) => this.guilds.filter((g) => onShard(g, shard)).map((g) => guildPayload(g, this.bot)),
      changed: () => this.events.emit('change'),
    });
    server.on('request', (req, res) => {
      this.rest.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 0, message: String(e) }));
      });
    });
  }

  static async start(opts: StandInOptions = {}): Promise<DiscordStandIn> {
    const server = createServer();
    const standIn = new DiscordStandIn(server, opts);
    await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
    return standIn;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    this.rest.dropHeld();
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---- dispatching interactions -------------------------------------------------------------

  /** `/prep <subcommand>` with string options, from `who` in a guild channel (or a DM with guildId null). */
  slash(who: UserFixture, subcommand: string, options: Record<string, OptionValue> = {}, where: Partial<Where> = {}): Dispatched {
    const w = this.where(where);
    return this.dispatch(interactionBase(2, APP_ID, who, w, commandData(this.commandId, w.guildId, subcommand, options)));
  }

  /** Autocomplete (type 4) while `who` types `focused` in `/prep <subcommand>`. */
  autocomplete(who: UserFixture, subcommand: string, options: Record<string, string>, focused: string): Dispatched {
    const w = this.where({});
    return this.dispatch(interactionBase(4, APP_ID, who, w, commandData(this.commandId, w.guildId, subcommand, options, focused)));
  }

  /** A press of the button `customId` on a message the bot posted. */
  press(who: UserFixture, message: StoredMessage, customId: string, where: Partial<Where> = {}): Dispatched {
    const payload = interactionBase(3, APP_ID, who, this.where(where), { custom_id: customId, component_type: 2 });
    return this.dispatch({ ...payload, message: this.rest.json(message) });
  }

  /** A modal submit (type 5) with text input values by `custom_id`. */
  submit(who: UserFixture, customId: string, fields: Record<string, string>, where: Partial<Where> = {}): Dispatched {
    return this.dispatch(interactionBase(5, APP_ID, who, this.where(where), modalData(customId, fields)));
  }

  private where(w: Partial<Where>): Where {
    return { guildId: w.guildId === undefined ? GUILD_ID : w.guildId, channelId: w.channelId ?? CHANNEL_ID, install: w.install };
  }

  private dispatch(payload: ReturnType<typeof interactionBase> & Record<string, unknown>): Dispatched {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel_id,
      dispatchedAt: Date.now(),
      callbacks: [],
      original: null,
      modal: null,
      choices: null,
      followups: [],
    };
    this.rest.interactions.set(record.id, record);
    this.payloads.set(record.id, payload);
    this.gateway.dispatch('INTERACTION_CREATE', payload, { guildId: (payload as { guild_id?: string }).guild_id ?? null });
    return record;
  }

  /** The same interaction dispatched again, same id and token (a gateway replaying an event). */
  replay(record: Dispatched): void {
    const payload = this.payloads.get(record.id);
    if (!payload) throw new Error(`stand-in: no interaction ${record.id}`);
    this.gateway.dispatch('INTERACTION_CREATE', payload, { guildId: (payload as { guild_id?: string }).guild_id ?? null });
  }

  // ---- servers and channels coming and going --------------------------------------------------

  /** The bot is kicked from a server (GUILD_DELETE without `unavailable`); its REST calls there then fail. */
  removeGuild(guildId: string): GuildFixture {
    const index = this.guilds.findIndex((g) => g.id === guildId);
    if (index < 0) throw new Error(`stand-in: no guild ${guildId}`);
    const [guild] = this.guilds.splice(index, 1);
    this.gateway.dispatch('GUILD_DELETE', { id: guildId }, { guildId });
    return guild!;
  }

  /** A server outage (GUILD_DELETE with `unavailable: true`): nothing about the bot's membership changed. */
  outage(guildId: string): void {
    this.gateway.dispatch('GUILD_DELETE', { id: guildId, unavailable: true }, { guildId });
  }

  /** The bot is added to a server (again): GUILD_CREATE with its channels. */
  addGuild(guild: GuildFixture): void {
    this.guilds.push(guild);
    this.gateway.dispatch('GUILD_CREATE', guildPayload(guild, this.bot), { guildId: guild.id });
  }

  /**
   * A channel is deleted: later REST calls to it answer 10003 Unknown Channel. With `silently` no
   * CHANNEL_DELETE is dispatched (it happened while the bot was offline, so only a post finds out).
   */
  deleteChannel(channelId: string, o: { silently?: boolean } = {}): void {
    const guild = this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
    if (!guild) throw new Error(`stand-in: no channel ${channelId}`);
    const channel = guild.channels.find((c) => c.id === channelId)!;
    guild.channels = guild.channels.filter((c) => c.id !== channelId);
    if (!o.silently) this.gateway.dispatch('CHANNEL_DELETE', textChannelPayload(guild.id, channel), { guildId: guild.id });
  }

  // ---- reading back what reached Discord -----------------------------------------------------

  /** Messages posted in a channel (or thread, or DM channel), oldest first, with edits applied. */
  messagesIn(channelId: string): StoredMessage[] {
    return [...this.rest.messages.values()].filter((m) => m.channelId === channelId);
  }

  /** Direct messages the bot sent a user. */
  dmsTo(userId: string): StoredMessage[] {
    const channel = this.rest.dmChannels.get(userId);
    return channel ? this.messagesIn(channel) : [];
  }

  /** The thread started on a message, with its messages, or null. */
  threadOn(messageId: string): { channel: any; messages: StoredMessage[] } | null {
    const channel = this.rest.threads.get(messageId);
    return channel ? { channel, messages: this.messagesIn(messageId) } : null;
  }

  /** Interaction callbacks Discord refused (late first responses, double acknowledgements). */
  refusedCallbacks(): InteractionRecord['callbacks'] {
    return [...this.rest.interactions.values()].flatMap((i) => i.callbacks.filter((c) => c.status >= 300));
  }

  /**
   * The next matching request gets no answer: with `record`, Discord acted on it (a message is
   * created) but the reply never reaches the bot, as when the bot dies mid-request.
   */
  hold(method: string, path: RegExp, o: { record: boolean }): void {
    this.rest.holds.push({ method, path, record: o.record });
  }

  /** Scripts the next `times` matching requests to fail. */
  fail(method: string, path: RegExp, f: Omit<Failure, 'method' | 'path' | 'times'> & { times?: number }): void {
    this.rest.failures.push({ method, path, times: f.times ?? 1, ...f });
  }

  /** Resolves with the first truthy value of `probe`, re-checked whenever a request arrives. */
  waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (!v) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }
}
