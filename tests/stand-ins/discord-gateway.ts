import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

/** `[shard_id, num_shards]` as IDENTIFY sends it. */
export type ShardKey = [number, number];

/** The shard Discord sends a server's events to: `(guild_id >> 22) % num_shards`. */
export const shardOfGuild = (guildId: string, count: number): number => Number((BigInt(guildId) >> 22n) % BigInt(count));

export interface GatewayHooks {
  token: string;
  /** The READY payload's `d` for a new session of a shard. */
  ready(sessionId: string, shard: ShardKey): object;
  /** GUILD_CREATE payloads sent after READY, one per guild of the shard. */
  guilds(shard: ShardKey): object[];
  /** Called after every session change (identify, resume, close). */
  changed(): void;
}

interface Session {
  ws: WebSocket;
  seq: number;
  identified: boolean;
  shard: ShardKey;
}

/**
 * The gateway side of the Discord stand-in, on the stand-in's HTTP server at `/gateway`:
 * HELLO (op 10), IDENTIFY (op 2) checked against the token, READY then GUILD_CREATE per guild,
 * heartbeats (op 1) acknowledged with op 11, RESUME answered with RESUMED, and dispatches on demand.
 * Sharded as Discord shards: IDENTIFY's `shard: [id, count]` picks the servers a session gets
 * (`(guild_id >> 22) % count`), and a server's events go to its shard's session only, DMs to shard 0.
 */
export class DiscordGateway {
  readonly identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  resumes = 0;
  /** While true, new gateway connections are refused (Discord unreachable). */
  refuse = false;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private sessionCount = 0;
  /** The shard of each session id, for RESUME (which does not name its shard). */
  private readonly shardOfSession = new Map<string, ShardKey>();

  constructor(
    server: Server,
    private readonly hooks: GatewayHooks,
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith('/gateway') || this.refuse) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws));
    });
  }

  /**
   * Sends a dispatch (op 0): with `guildId`, to the session of that server's shard (null: a DM, to
   * shard 0), as Discord routes events; without, to every identified session.
   */
  dispatch(t: string, d: unknown, o: { guildId?: string | null } = {}): void {
    for (const s of this.sessions) {
      if (!s.identified) continue;
      if ('guildId' in o && s.shard[0] !== (o.guildId ? shardOfGuild(o.guildId, s.shard[1]) : 0)) continue;
      this.send(s, { op: 0, t, s: ++s.seq, d });
    }
  }

  /** The identified sessions' shards, e.g. `[[0, 2], [1, 2]]`. */
  get shards(): ShardKey[] {
    return [...this.sessions].filter((s) => s.identified).map((s) => s.shard);
  }

  /** Closes every session with a code (e.g. 4000 to make clients reconnect). */
  drop(code = 4000): void {
    for (const s of this.sessions) s.ws.close(code, 'stand-in drop');
  }

  get connected(): number {
    return [...this.sessions].filter((s) => s.identified).length;
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.ws.terminate();
    this.sessions.clear();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }

  private open(ws: WebSocket): void {
    const session: Session = { ws, seq: 0, identified: false, shard: [0, 1] };
    this.sessions.add(session);
    ws.on('close', () => {
      this.sessions.delete(session);
      this.hooks.changed();
    });
    ws.on('error', () => this.sessions.delete(session));
    ws.on('message', (raw) => this.receive(session, raw.toString()));
    this.send(session, { op: 10, d: { heartbeat_interval: 41_250 } });
  }

  private receive(s: Session, raw: string): void {
    let packet: { op: number; d: any };
    try {
      packet = JSON.parse(raw) as { op: number; d: any };
    } catch {
      s.ws.close(4002, 'Decode error');
      return;
    }
    if (packet.op === 1) {
      this.send(s, { op: 11 });
    } else if (packet.op === 2) {
      this.identifies.push({ token: packet.d.token, intents: packet.d.intents, shard: packet.d.shard });
      if (packet.d.token !== this.hooks.token) {
        s.ws.close(4004, 'Authentication failed.');
        return;
      }
      s.identified = true;
      s.shard = Array.isArray(packet.d.shard) ? [Number(packet.d.shard[0]), Number(packet.d.shard[1])] : [0, 1];
      this.sessionCount += 1;
      const sessionId = `session-${this.sessionCount}`;
      this.shardOfSession.set(sessionId, s.shard);
      this.send(s, { op: 0, t: 'READY', s: ++s.seq, d: this.hooks.ready(sessionId, s.shard) });
      for (const g of this.hooks.guilds(s.shard)) this.send(s, { op: 0, t: 'GUILD_CREATE', s: ++s.seq, d: g });
      this.hooks.changed();
    } else if (packet.op === 6) {
      this.resumes += 1;
      s.identified = true;
      s.shard = this.shardOfSession.get(String(packet.d.session_id)) ?? [0, 1];
      s.seq = Number(packet.d.seq) || 0;
      this.send(s, { op: 0, t: 'RESUMED', s: ++s.seq, d: {} });
      this.hooks.changed();
    }
  }

  private send(s: Session, packet: object): void {
    if (s.ws.readyState === WebSocket.OPEN) s.ws.send(JSON.stringify(packet));
  }
}
