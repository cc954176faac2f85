import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackOAuthStandIn } from './slack-oauth.js';
import { TokenBuckets } from './rate-limits.js';

/** One Web API call as the stand-in received it. Form fields holding JSON (blocks, view) are parsed. */
export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  token: string | null;
}

/** A POST to a response_url (what Bolt's `respond` sends). */
export interface SlackResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export interface SlackStandInUser {
  team: string;
  name: string;
  realName?: string;
  admin?: boolean;
  owner?: boolean;
}

export type ScriptedFailure = { error: string } | { status: 429; retryAfter: number } | { status: number };

/** A message the bot posted, as Slack keeps it: `metadata` comes back only when asked for. */
export interface SlackStoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** When the stand-in took it (ms, its clock); Slack's `ts` has only whole seconds of time. */
  at: number;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // a plain string that starts with a bracket
      }
    }
    out[k] = v;
  }
  return out;
}

const readBytes = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The first file part of a multipart/form-data body (what @slack/web-api sends to an upload URL), as bytes. */
function multipartFile(raw: Buffer, contentType: string | undefined): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const headersEnd = raw.indexOf('\r\n\r\n', at);
    const nextPart = raw.indexOf(delimiter, at + delimiter.length);
    if (headersEnd < 0 || nextPart < 0) return null;
    if (/filename=/.test(raw.subarray(at, headersEnd).toString('utf8'))) return raw.subarray(headersEnd + 4, nextPart - 2);
    at = nextPart;
  }
  return null;
}

/**
 * A local Slack Web API: answers `POST /api/<method>` (form or JSON, as @slack/web-api sends it)
 * with plausible `{ ok: true, ... }` results, records every call, takes response_url posts at
 * `/response/<id>` and file uploads at `/upload/<file>` (files.uploadV2: files.getUploadURLExternal,
 * the multipart upload, files.completeUploadExternal), and fails on request (`failNext`) with a
 * Slack error or an HTTP status such as 429 with Retry-After.
 */
export class SlackWebApiStandIn {
  readonly calls: SlackCall[] = [];
  /** Add to Slack: codes `oauth.v2.access` exchanges for a workspace's token, and each token's workspace. */
  readonly oauth = new SlackOAuthStandIn();
  readonly responses: SlackResponsePost[] = [];
  readonly uploads: string[] = [];
  /** The bytes of each file sent to an upload URL, by file id (files.getUploadURLExternal's). */
  readonly files: { fileId: string; bytes: Buffer }[] = [];
  readonly users = new Map<string, SlackStandInUser>();
  /** User groups (id -> member ids) that `usergroups.list` reports. */
  readonly userGroups = new Map<string, string[]>();
  /** Channels as `conversations.info` reports them; an unknown id is a channel the bot is in. */
  readonly channels = new Map<string, { member: boolean; archived?: boolean } | 'not_found'>();
  /** What `apps.connections.open` returns as the Socket Mode URL. */
  socketUrl = '';
  /** Messages posted with chat.postMessage, by channel, oldest first (edits applied). */
  readonly messages: SlackStoredMessage[] = [];
  /** The clock of message timestamps (Slack's `ts` is the post's time); a test may use its fake clock. */
  now: () => number = Date.now;
  /**
   * When set, `conversations.history` and `conversations.replies` answer 429 (Retry-After 60) to a
   * second read of the same channel within a minute, as Slack does for commercially distributed
   * apps outside the Marketplace, and return at most 15 messages.
   */
  limitHistory = false;
  private readonly historyReads = new Map<string, number>();
  private postBuckets: TokenBuckets | null = null;
  /** Calls held without an answer (as if the network, or the bot, died before Slack's reply). */
  private readonly held: { method: string; record: boolean }[] = [];
  private readonly holdingSet = new Set<ServerResponse>();
  private readonly failures = new Map<string, { failure: ScriptedFailure; channel?: string }[]>();
  private readonly limited = new Map<string, { until: number; retryAfter: number }>();
  /** HTTP statuses answered, in order, per method (429s included). */
  readonly statuses: { method: string; channel: string; status: number }[] = [];
  private seq = 100;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<SlackWebApiStandIn> {
    let standIn: SlackWebApiStandIn | null = null;
    const server = createServer((req, res) => void standIn!.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    standIn = new SlackWebApiStandIn(server, `http://127.0.0.1:${port}`);
    return standIn;
  }

  /** The base URL to give as SLACK_API_URL. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  addUser(id: string, user: SlackStandInUser): void {
    this.users.set(id, user);
  }

  /**
   * The next call of `method` fails this way (queued, one failure per call); with `channel`, the
   * next call to that channel (a daily post, not an admin's DM).
   */
  failNext(method: string, failure: ScriptedFailure, o: { channel?: string } = {}): void {
    const list = this.failures.get(method) ?? [];
    list.push({ failure, channel: o.channel });
    this.failures.set(method, list);
  }

  /**
   * The next call of `method` gets no answer at all: with `record`, Slack took it (a posted message
   * is stored, as after a crash between Slack's acceptance and the bot storing the id); without,
   * it never arrived. The request stays open until the stand-in closes.
   */
  holdNext(method: string, o: { record: boolean }): void {
    this.held.push({ method, record: o.record });
  }

  /** Calls held so far (waiting for an answer that never comes). */
  get holding(): number {
    return this.holdingSet.size;
  }

  /** Top-level messages posted in a channel, oldest first. */
  postsIn(channel: string): SlackStoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.thread_ts);
  }

  /** Replies posted in the thread of `ts`. */
  repliesTo(channel: string, ts: string): SlackStoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && m.thread_ts === ts);
  }

  /** A burst past Slack's rate limit: every call of `method` for the next `ms` gets 429 with `Retry-After`. */
  rateLimitFor(method: string, ms: number, retryAfterSeconds: number): void {
    this.limited.set(method, { until: Date.now() + ms, retryAfter: retryAfterSeconds });
  }

  /**
   * Enforces chat.postMessage's published limit from now on: about `perSecond` messages a second in
   * each channel, with bursts of `burst` (a token bucket per channel, on {@link now}); above it, 429
   * with Retry-After in whole seconds and `{ ok: false, error: 'ratelimited' }`, as Slack answers.
   * Slack's workspace-wide limit is unpublished, so none is enforced.
   */
  limitPosts(limit: { perSecond: number; burst: number }): void {
    this.postBuckets = new TokenBuckets(limit, () => this.now());
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    for (const res of this.holdingSet) res.destroy();
    this.holdingSet.clear();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: parseBody(raw, req.headers['content-type']) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (path.startsWith('/upload/')) {
      this.uploads.push(raw);
      this.files.push({ fileId: path.slice('/upload/'.length), bytes: multipartFile(bytes, req.headers['content-type']) ?? bytes });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      return;
    }
    const m = /^\/api\/([\w.]+)$/.exec(path);
    if (!m || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const method = m[1]!;
    const body = parseBody(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : ((body.token as string | undefined) ?? null);
    this.calls.push({ method, body, token });
    const refused = this.oauth.refusal(token);
    if (refused) return this.json(res, refused);
    const channel = String(body.channel ?? '');
    const hold = this.held.findIndex((h) => h.method === method);
    if (hold >= 0) {
      const { record } = this.held.splice(hold, 1)[0]!;
      if (record) this.answer(method, body, token);
      this.holdingSet.add(res);
      return;
    }
    if (this.limitHistory && (method === 'conversations.history' || method === 'conversations.replies')) {
      const last = this.historyReads.get(channel);
      if (last !== undefined && this.now() - last < 60_000) {
        this.statuses.push({ method, channel, status: 429 });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      this.historyReads.set(channel, this.now());
    }
    const wait = method === 'chat.postMessage' && this.postBuckets ? this.postBuckets.take(channel) : 0;
    if (wait > 0) {
      this.statuses.push({ method, channel, status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(wait / 1000)) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const limit = this.limited.get(method);
    const queued = this.failures.get(method) ?? [];
    const index = queued.findIndex((f) => f.channel === undefined || f.channel === channel);
    const failure: ScriptedFailure | undefined =
      limit && Date.now() < limit.until ? { status: 429, retryAfter: limit.retryAfter } : index >= 0 ? queued.splice(index, 1)[0]!.failure : undefined;
    if (failure) {
      if ('error' in failure) {
        this.statuses.push({ method, channel, status: 200 });
        return this.json(res, { ok: false, error: failure.error });
      }
      this.statuses.push({ method, channel, status: failure.status });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if ('retryAfter' in failure) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers).end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'fatal_error' }));
      return;
    }
    this.statuses.push({ method, channel, status: 200 });
    this.json(res, this.answer(method, body, token));
  }

  private answer(method: string, body: Record<string, unknown>, token: string | null): Record<string, unknown> {
    // Slack's ts is the post's time in seconds, with a unique 6-digit part.
    const ts = () => `${Math.floor(this.now() / 1000)}.${String((this.seq += 1) % 1_000_000).padStart(6, '0')}`;
    const channel = String(body.channel ?? '');
    switch (method) {
      case 'auth.test':
      case 'oauth.v2.access':
        return this.oauth.answer(method, body, token)!;
      case 'chat.postMessage': {
        // Posting to a user id posts in the app's DM with them.
        const ch = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        const message: SlackStoredMessage = { channel: ch, ts: ts(), at: this.now(), text: String(body.text ?? ''), blocks: body.blocks, ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}) };
        if (body.metadata) message.metadata = body.metadata as SlackStoredMessage['metadata'];
        this.messages.push(message);
        return { ok: true, channel: ch, ts: message.ts, message: { text: body.text } };
      }
      case 'conversations.history':
      case 'conversations.replies':
        return this.history(method, body);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === channel && x.ts === body.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = String(body.text ?? '');
        if (body.blocks) m.blocks = body.blocks;
        if (body.metadata) m.metadata = body.metadata as SlackStoredMessage['metadata'];
        return { ok: true, channel, ts: body.ts, text: body.text };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${(this.seq += 1)}`, ...(body.view as object) } };
      case 'users.info': {
        const id = String(body.user ?? '');
        const u = this.users.get(id);
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id, team_id: u.team, name: u.name, real_name: u.realName ?? u.name, profile: { real_name: u.realName ?? u.name }, is_admin: Boolean(u.admin), is_owner: Boolean(u.owner), deleted: false },
        };
      }
      case 'users.list': {
        // Paged like Slack's: `limit` members per page, the next page's offset as the cursor.
        const team = body.team_id ? String(body.team_id) : null;
        const all = [...this.users].filter(([, u]) => !team || u.team === team);
        const start = Number(body.cursor ?? 0) || 0;
        const limit = Number(body.limit ?? 200) || 200;
        const page = all.slice(start, start + limit).map(([id, u]) => ({
          id, team_id: u.team, name: u.name, real_name: u.realName ?? u.name, is_admin: Boolean(u.admin), is_owner: Boolean(u.owner), is_bot: false, deleted: false,
        }));
        const next = start + limit < all.length ? String(start + limit) : '';
        return { ok: true, members: page, response_metadata: { next_cursor: next } };
      }
      case 'usergroups.list':
        return { ok: true, usergroups: [...this.userGroups].map(([id, users]) => ({ id, handle: id.toLowerCase(), users: body.include_users === 'true' ? users : undefined })) };
      case 'conversations.info': {
        const c = this.channels.get(channel) ?? { member: true };
        if (c === 'not_found') return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id: channel, is_channel: true, is_member: c.member, is_archived: Boolean(c.archived) } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? '').replace(/^U/, '')}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${(this.seq += 1)}`;
        return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        // Completing files into a channel shares them there, as Slack does.
        const files = (Array.isArray(body.files) ? body.files : []) as { id: string; title?: string }[];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '', channels: body.channel_id ? [body.channel_id] : [] })) };
      }
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }

  /**
   * `conversations.history` (top-level messages, newest first) or `conversations.replies` (the
   * parent and its replies, oldest first) between `oldest` and `latest`, at most `limit`, with each
   * message's metadata only when `include_all_metadata` is true, as Slack answers them.
   */
  private history(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const channel = String(body.channel ?? '');
    const num = (v: unknown, d: number) => (v === undefined || v === '' ? d : Number(v));
    const oldest = num(body.oldest, 0);
    const latest = num(body.latest, Infinity);
    const inclusive = String(body.inclusive) === 'true' || body.inclusive === true;
    const within = (m: SlackStoredMessage) => {
      const t = Number(m.ts);
      return inclusive ? t >= oldest && t <= latest : t > oldest && t < latest;
    };
    const withMeta = String(body.include_all_metadata) === 'true' || body.include_all_metadata === true;
    const thread = method === 'conversations.replies' ? String(body.ts ?? '') : null;
    let found = this.messages.filter((m) => m.channel === channel && (thread === null ? !m.thread_ts : m.ts === thread || m.thread_ts === thread)).filter(within);
    if (thread === null) found = found.reverse();
    const limit = Math.min(num(body.limit, 100), this.limitHistory ? 15 : 1000);
    const page = found.slice(0, limit).map(({ metadata, channel: _c, at: _at, ...m }) => ({ type: 'message', bot_id: 'BBOT', app_id: 'A1', ...m, ...(withMeta && metadata ? { metadata } : {}) }));
    return { ok: true, messages: page, has_more: found.length > limit };
  }

  private json(res: ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
