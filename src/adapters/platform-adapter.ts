import type { Bot } from '../core/bot.js';
import type { ChatPort } from '../core/ports.js';
import type { InstallStore } from '../core/stores/install-store.js';
import type { Connection } from './connection-state.js';

/**
 * A chat platform as the app sees it: the outbound ChatPort the core writes to, and a lifecycle.
 * `start` connects and begins turning platform events into `bot.handle` calls; `stop` stops intake
 * and disconnects.
 */
export interface PlatformAdapter {
  readonly platform: 'console' | 'discord' | 'slack';
  /** The platform's own sends; the app puts them behind the platform's send queue. */
  readonly chat: ChatPort;
  /** Resolves when the adapter's input has ended for good (the console at the end of stdin); platforms never end on their own. */
  readonly finished?: Promise<void>;
  start(bot: Bot): Promise<void>;
  /**
   * Optional first step of shutdown: stop accepting new events but keep sending, so grades still in
   * flight reach their users before `stop` disconnects.
   */
  stopIntake?(): Promise<void>;
  stop(): Promise<void>;
  /** The platform connection (a gateway, a socket), for the health check; absent when there is none to lose. */
  connection?(): Connection;
  /**
   * Whether this process looks after a channel's own posts: a Discord shard process, only those of
   * the servers on its shards. Absent: every channel of the platform.
   */
  serves?(channelId: string): boolean;
}

/** What adapters get from the app besides the config. */
export interface AdapterEnv {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  /** The app's health, for adapters that serve `GET /healthz` themselves (Slack over HTTP). */
  health: () => HealthStatus;
  /** Where Add to Slack keeps the workspaces' installs (sealed), in the app's database. */
  installs?: InstallStore;
  /** The console's files folder (export), its log file (named in the banner) and Ctrl-C at its prompt. */
  console?: { filesDir?: string; logFile?: string; onInterrupt?: () => void };
}

/**
 * What `GET /healthz` reports: HTTP 200 only for `ok`. `degraded` (503) names each reason: the
 * database refuses writes, or a platform connection has been down past the grace period.
 */
export interface HealthStatus {
  status: 'ok' | 'starting' | 'stopping' | 'degraded';
  platforms: string[];
  pendingJobs: number;
  uptimeSeconds: number;
  /** Why it is degraded, one sentence each; absent when it is not. */
  reasons?: string[];
  /** Each Discord shard process and what it said (DISCORD_SHARDS; `down` when it did not answer). */
  shards?: { id: number; status: HealthStatus['status'] | 'down' }[];
}
