import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export interface GatewayHooks {
  token: string;
  /** The READY payload's `d` for a new session. */
  ready(sessionId: string): object;
  /** GUILD_CREATE payloads sent after READY, one per guild. */
  guilds(): object[];
  /** Called after every session change (identify, resume, close). */
  changed(): void;
}

interface Session {
  ws: WebSocket;
  seq: number;
  identified: boolean;
}

/**
 * The gateway side of the Discord stand-in, on the stand-in's HTTP server at `/gateway`:
 * HELLO (op 10), IDENTIFY (op 2) checked against the token, READY then GUILD_CREATE per guild,
 * heartbeats (op 1) acknowledged with op 11, RESUME answered with RESUMED, and dispatches on demand.
 */
export class DiscordGateway {
  readonly identifies: { token: string; intents: number; shard?: [number, number] }[] = [];
  resumes = 0;
  /** While true, new gateway connections are refused (Discord unreachable). */
  refuse = false;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private sessionCount = 0;

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

  /** Sends a dispatch (op 0) to every identified session. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sessions) if (s.identified) this.send(s, { op: 0, t, s: ++s.seq, d });
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
    const session: Session = { ws, seq: 0, identified: false };
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
      this.sessionCount += 1;
      this.send(s, { op: 0, t: 'READY', s: ++s.seq, d: this.hooks.ready(`session-${this.sessionCount}`) });
      for (const g of this.hooks.guilds()) this.send(s, { op: 0, t: 'GUILD_CREATE', s: ++s.seq, d: g });
      this.hooks.changed();
    } else if (packet.op === 6) {
      this.resumes += 1;
      s.identified = true;
      s.seq = Number(packet.d.seq) || 0;
      this.send(s, { op: 0, t: 'RESUMED', s: ++s.seq, d: {} });
      this.hooks.changed();
    }
  }

  private send(s: Session, packet: object): void {
    if (s.ws.readyState === WebSocket.OPEN) s.ws.send(JSON.stringify(packet));
  }
}
