import type { IncomingMessage, ServerResponse } from 'node:http';
import { guildPayload, memberPayload, snowflake, textChannelPayload, userPayload } from './discord-payloads.js';
import { readBody, type Body } from './discord-body.js';
import type { DiscordRateLimits } from './discord-rate-limits.js';
import type { Failure, InteractionRecord, RecordedRequest, StoredMessage, World } from './discord-records.js';

export type { Failure, InteractionRecord, RecordedRequest, StoredMessage, World } from './discord-records.js';

type Result = { status: number; json?: unknown; headers?: Record<string, string> };
type Handler = (p: string[], body: Body, query: URLSearchParams) => Result;

const ok = (json: unknown): Result => ({ status: 200, json });
const err = (status: number, code: number, message: string): Result => ({ status, json: { code, message } });

/**
 * The REST side of the Discord stand-in (`/api/v10/...`): it records what the bot sends, keeps
 * channel messages, interaction responses, threads, DMs and registered commands, enforces the
 * interaction response window, and fails requests on demand (403/404/429).
 */
export class DiscordRest {
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly threads = new Map<string, any>();
  readonly dmChannels = new Map<string, string>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = { global: [] as any[], guild: new Map<string, any[]>() };
  readonly failures: Failure[] = [];
  /** Requests to hold without an answer (as if the bot died before Discord's reply): with `record`, Discord acted on it. */
  readonly holds: { method: string; path: RegExp; record: boolean }[] = [];
  private readonly held = new Set<ServerResponse>();
  /** Discord's global and per-route limits, when the stand-in enforces them (off unless asked for). */
  limits: DiscordRateLimits | null = null;
  private seq = 0n;
  private readonly routes: [string, RegExp, Handler][];

  constructor(
    private readonly w: World,
    private readonly changed: () => void,
  ) {
    const S = '(\\d+)';
    const T = '([^/]+)';
    this.routes = [
      ['GET', /^\/gateway\/bot$/, () => ok({ url: w.gatewayUrl(), shards: w.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: w.maxConcurrency } })],
      ['GET', /^\/applications\/@me$/, () => ok({ id: w.appId, name: 'prepbot', flags: 0, bot_public: true, bot: w.bot, description: '' })],
      ['GET', re(`/applications/${S}/commands`), () => ok(this.commands.global)],
      ['PUT', re(`/applications/${S}/commands`), (_p, b) => ok((this.commands.global = this.stamp(b.json, null)))],
      ['GET', re(`/applications/${S}/guilds/${S}/commands`), (p) => ok(this.commands.guild.get(p[1]!) ?? [])],
      ['PUT', re(`/applications/${S}/guilds/${S}/commands`), (p, b) => ok(this.setGuildCommands(p[1]!, b.json))],
      ['POST', re(`/interactions/${S}/${T}/callback`), (p, b, q) => this.callback(p[0]!, p[1]!, b, q)],
      ['PATCH', re(`/webhooks/${S}/${T}/messages/@original`), (p, b) => this.editOriginal(p[1]!, b)],
      ['GET', re(`/webhooks/${S}/${T}/messages/@original`), (p) => this.withInteraction(p[1]!, (i) => ok(this.json(i.original!)))],
      ['POST', re(`/webhooks/${S}/${T}`), (p, b) => this.followUp(p[1]!, b)],
      ['POST', re(`/channels/${S}/messages`), (p, b) => this.post(p[0]!, b)],
      ['GET', re(`/channels/${S}/messages`), (p, _b, q) => this.list(p[0]!, q)],
      ['PATCH', re(`/channels/${S}/messages/${S}`), (p, b) => this.edit(p[0]!, p[1]!, b)],
      ['GET', re(`/channels/${S}/messages/${S}`), (p) => this.withMessage(p[0]!, p[1]!, (m) => ok(this.json(m)))],
      ['POST', re(`/channels/${S}/messages/${S}/threads`), (p, b) => this.startThread(p[0]!, p[1]!, b)],
      ['GET', re(`/channels/${S}`), (p) => this.channel(p[0]!)],
      ['POST', /^\/users\/@me\/channels$/, (_p, b) => this.openDm(String(b.json?.recipient_id))],
      ['GET', re(`/users/${S}`), (p) => this.user(p[0]!)],
      ['GET', re(`/guilds/${S}/members/${S}`), (p) => this.member(p[0]!, p[1]!)],
      ['GET', re(`/guilds/${S}`), (p) => this.guildOf(p[0]!)],
    ];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const hold = this.holds.findIndex((h) => h.method === method && h.path.test(path));
    if (hold >= 0) {
      const { record } = this.holds.splice(hold, 1)[0]!;
      if (record) this.route(method, path, body, url.searchParams, req.headers.authorization);
      this.requests.push({ method, path, body: body.json, status: 0 });
      this.held.add(res);
      this.changed();
      return;
    }
    const limit = this.limits?.check(method, path) ?? null;
    const result = limit?.refused ? { status: 429, json: limit.refused.json } : this.route(method, path, body, url.searchParams, req.headers.authorization);
    this.requests.push({ method, path, body: body.json, status: result.status });
    if (result.status === 204) {
      res.writeHead(204, limit?.headers); // no JSON content type: discord.js parses JSON bodies by content type
      res.end();
    } else {
      res.writeHead(result.status, { 'content-type': 'application/json', ...limit?.headers, ...result.headers });
      res.end(JSON.stringify(result.json ?? {}));
    }
    this.changed();
  }

  private route(method: string, path: string, body: Body, query: URLSearchParams, auth: string | undefined): Result {
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (failure) {
      failure.times -= 1;
      const callback = /^\/interactions\/(\d+)\//.exec(path);
      if (callback) {
        const i = this.interactions.get(callback[1]!);
        i?.callbacks.push({ type: body.json?.type, data: body.json?.data, status: failure.status, at: Date.now() - i.dispatchedAt });
      }
      if (failure.status === 429) return rateLimited(failure);
      return err(failure.status, failure.code ?? 0, failure.message ?? 'Scripted failure');
    }
    const tokenFree = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!tokenFree && auth !== `Bot ${this.w.token}`) return err(401, 0, '401: Unauthorized');
    for (const [m, pattern, handler] of this.routes) {
      const match = m === method ? pattern.exec(path) : null;
      if (match) return handler(match.slice(1), body, query);
    }
    return err(404, 0, `404: Not Found (stand-in has no ${method} ${path})`);
  }

  private stamp(list: any[], guildId: string | null): any[] {
    return (list ?? []).map((c) => ({ ...c, id: snowflake(), application_id: this.w.appId, version: snowflake(), ...(guildId ? { guild_id: guildId } : {}) }));
  }

  private setGuildCommands(guildId: string, list: any[]): any[] {
    const stamped = this.stamp(list, guildId);
    this.commands.guild.set(guildId, stamped);
    return stamped;
  }

  private withInteraction(token: string, f: (i: InteractionRecord) => Result): Result {
    const i = [...this.interactions.values()].find((x) => x.token === token);
    if (!i || !i.original) return err(404, 10015, 'Unknown Webhook');
    return f(i);
  }

  private callback(id: string, token: string, b: Body, query: URLSearchParams): Result {
    const i = this.interactions.get(id);
    if (!i || i.token !== token) return err(404, 10062, 'Unknown interaction');
    const late = Date.now() - i.dispatchedAt > this.w.responseWindowMs;
    const again = i.callbacks.some((c) => c.status < 300);
    const status = late && !again ? 404 : again ? 400 : 204;
    i.callbacks.push({ type: b.json?.type, data: b.json?.data, status, at: Date.now() - i.dispatchedAt });
    if (status === 404) return err(404, 10062, 'Unknown interaction');
    if (status === 400) return err(400, 40060, 'Interaction has already been acknowledged.');
    const { type, data } = b.json as { type: number; data?: any };
    if (type === 4 || type === 5) i.original = this.message(i.channelId, data ?? {}, b);
    if (type === 9) i.modal = data;
    if (type === 8) i.choices = data?.choices ?? [];
    if (query.get('with_response') === 'true') return ok({ interaction: { id, type: 2 }, resource: { type, message: i.original ? this.json(i.original) : undefined } });
    return { status: 204 };
  }

  private editOriginal(token: string, b: Body): Result {
    return this.withInteraction(token, (i) => ok(this.json(this.apply(i.original!, b))));
  }

  private followUp(token: string, b: Body): Result {
    const i = [...this.interactions.values()].find((x) => x.token === token);
    if (!i || !i.original) return err(404, 10015, 'Unknown Webhook');
    const m = this.message(i.channelId, b.json ?? {}, b);
    i.followups.push(m);
    return ok(this.json(m));
  }

  private knownChannel(id: string): boolean {
    return this.w.guilds.some((g) => g.channels.some((c) => c.id === id)) || this.threads.has(id) || [...this.dmChannels.values()].includes(id);
  }

  /** Held requests, answered never. */
  get holding(): number {
    return this.held.size;
  }

  /** Drops the held requests' connections (the stand-in closing). */
  dropHeld(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  /**
   * A create. With `nonce` and `enforce_nonce`, a message the bot created with the same nonce in
   * the last few minutes is returned instead of a new one, as Discord does; the nonce is echoed in
   * the create's response only (message lists never carry it).
   */
  private post(channelId: string, b: Body): Result {
    if (!this.knownChannel(channelId)) return err(404, 10003, 'Unknown Channel');
    const nonce = b.json?.nonce === undefined ? undefined : String(b.json.nonce);
    if (nonce && b.json?.enforce_nonce) {
      const same = [...this.messages.values()].find((m) => m.channelId === channelId && m.nonce === nonce && this.w.now() - m.createdAt <= this.w.nonceWindowMs);
      if (same) return ok({ ...this.json(same), nonce });
    }
    const m = this.message(channelId, b.json ?? {}, b);
    m.nonce = nonce;
    this.messages.set(m.id, m);
    return ok({ ...this.json(m), ...(nonce ? { nonce } : {}) });
  }

  /**
   * `GET /channels/{id}/messages`: with `after`, the `limit` messages right after it; with `before`,
   * right before; else the latest. Newest first, as Discord lists them, without nonces.
   */
  private list(channelId: string, q: URLSearchParams): Result {
    if (!this.knownChannel(channelId)) return err(404, 10003, 'Unknown Channel');
    const limit = Math.min(100, Number(q.get('limit') ?? 50) || 50);
    const after = q.get('after');
    const before = q.get('before');
    let all = [...this.messages.values()].filter((m) => m.channelId === channelId).sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
    if (after) all = all.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit);
    else if (before) all = all.filter((m) => BigInt(m.id) < BigInt(before)).slice(-limit);
    else all = all.slice(-limit);
    return ok(all.reverse().map((m) => this.json(m)));
  }

  private withMessage(channelId: string, id: string, f: (m: StoredMessage) => Result): Result {
    const m = this.messages.get(id);
    if (!m || m.channelId !== channelId) return err(404, 10008, 'Unknown Message');
    return f(m);
  }

  private edit(channelId: string, id: string, b: Body): Result {
    return this.withMessage(channelId, id, (m) => ok(this.json(this.apply(m, b))));
  }

  private startThread(channelId: string, messageId: string, b: Body): Result {
    return this.withMessage(channelId, messageId, () => {
      if (this.threads.has(messageId)) return err(400, 160004, 'A thread has already been created for this message');
      const guild = this.w.guilds.find((g) => g.channels.some((c) => c.id === channelId));
      const thread = {
        id: messageId,
        type: 11,
        guild_id: guild?.id,
        parent_id: channelId,
        name: b.json?.name,
        owner_id: this.w.bot.id,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: b.json?.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
      this.threads.set(messageId, thread);
      return { status: 201, json: thread };
    });
  }

  private channel(id: string): Result {
    if (this.threads.has(id)) return ok(this.threads.get(id));
    for (const g of this.w.guilds) {
      const c = g.channels.find((x) => x.id === id);
      if (c) return ok(textChannelPayload(g.id, c));
    }
    for (const [userId, channelId] of this.dmChannels) if (channelId === id) return this.dmPayload(userId, channelId);
    return err(404, 10003, 'Unknown Channel');
  }

  private findUser(id: string) {
    return this.w.guilds.flatMap((g) => g.members).find((m) => m.id === id);
  }

  private openDm(userId: string): Result {
    if (!this.findUser(userId)) return err(400, 50007, 'Cannot send messages to this user');
    const channelId = this.dmChannels.get(userId) ?? snowflake();
    this.dmChannels.set(userId, channelId);
    return this.dmPayload(userId, channelId);
  }

  private dmPayload(userId: string, channelId: string): Result {
    return ok({ id: channelId, type: 1, last_message_id: null, recipients: [userPayload(this.findUser(userId)!)] });
  }

  private user(id: string): Result {
    const u = this.findUser(id);
    return u ? ok(userPayload(u)) : err(404, 10013, 'Unknown User');
  }

  private member(guildId: string, userId: string): Result {
    const u = this.w.guilds.find((g) => g.id === guildId)?.members.find((m) => m.id === userId);
    return u ? ok(memberPayload(u, false)) : err(404, 10007, 'Unknown Member');
  }

  private guildOf(id: string): Result {
    const g = this.w.guilds.find((x) => x.id === id);
    return g ? ok(guildPayload(g, this.w.bot)) : err(404, 10004, 'Unknown Guild');
  }

  /** A snowflake of now, as Discord makes message ids: milliseconds since 2015 above 22 bits of sequence. */
  private messageId(): string {
    this.seq = (this.seq + 1n) % 4096n;
    return String(((BigInt(this.w.now()) - 1_420_070_400_000n) << 22n) | this.seq);
  }

  private message(channelId: string, data: any, b: Body): StoredMessage {
    return {
      id: this.messageId(),
      createdAt: this.w.now(),
      channelId,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      flags: data.flags ?? 0,
      allowedMentions: data.allowed_mentions,
      attachments: b.files,
      edits: 0,
    };
  }

  private apply(m: StoredMessage, b: Body): StoredMessage {
    const d = b.json ?? {};
    if ('content' in d) m.content = d.content ?? '';
    if ('embeds' in d) m.embeds = d.embeds ?? [];
    if ('components' in d) m.components = d.components ?? [];
    if ('allowed_mentions' in d) m.allowedMentions = d.allowed_mentions;
    if (b.files.length) m.attachments = b.files;
    m.edits += 1;
    return m;
  }

  /** A stored message as the API returns it. */
  json(m: StoredMessage): object {
    const guild = this.w.guilds.find((g) => g.channels.some((c) => c.id === m.channelId));
    return {
      id: m.id,
      channel_id: m.channelId,
      ...(guild ? { guild_id: guild.id } : {}),
      author: this.w.bot,
      content: m.content,
      embeds: m.embeds,
      components: m.components,
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: m.flags,
      timestamp: new Date(m.createdAt).toISOString(),
      edited_timestamp: m.edits ? new Date(this.w.now()).toISOString() : null,
    };
  }
}

/**
 * A 429 as Discord sends it, with what discord.js reads: `Retry-After` (seconds), the bucket's
 * `X-RateLimit-Limit`/`-Remaining: 0`/`-Reset-After`/`-Bucket`, `X-RateLimit-Scope`, and
 * `X-RateLimit-Global` for the global limit; the JSON body repeats `retry_after` and `global`.
 */
function rateLimited(f: Failure): Result {
  const retry = f.retryAfter ?? 0.1;
  const headers: Record<string, string> = {
    'retry-after': String(retry),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(retry),
    'x-ratelimit-bucket': 'stand-in-bucket',
    'x-ratelimit-scope': f.global ? 'global' : 'user',
    ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
  };
  return { status: 429, json: { message: 'You are being rate limited.', retry_after: retry, global: Boolean(f.global), code: 0 }, headers };
}

function re(path: string): RegExp {
  return new RegExp(`^${path}$`);
}
