import type { Bot } from '../core/bot.js';
import type { ChatPort } from '../core/ports.js';

/**
 * A chat platform as the app sees it: the outbound ChatPort the core writes to, and a lifecycle.
 * `start` connects and begins turning platform events into `bot.handle` calls; `stop` stops intake
 * and disconnects.
 */
export interface PlatformAdapter {
  readonly platform: 'console' | 'discord' | 'slack';
  readonly chat: ChatPort;
  start(bot: Bot): Promise<void>;
  /**
   * Optional first step of shutdown: stop accepting new events but keep sending, so grades still in
   * flight reach their users before `stop` disconnects.
   */
  stopIntake?(): Promise<void>;
  stop(): Promise<void>;
}

/** What `GET /healthz` reports. */
export interface HealthStatus {
  status: 'ok' | 'starting' | 'stopping';
  platforms: string[];
  pendingJobs: number;
  uptimeSeconds: number;
}
