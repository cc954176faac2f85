import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type CustomRoute } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/ports.js';
import { listenProblem } from '../../health/health-server.js';
import { ConnectionState } from '../connection-state.js';
import type { AdapterEnv, HealthStatus, PlatformAdapter } from '../platform-adapter.js';
import { registerAnswerListeners } from './answer-listeners.js';
import { BoltLogger } from './bolt-logger.js';
import { registerCommandListener } from './command-listener.js';
import { registerDisputeListeners } from './dispute-listeners.js';
import { registerHomeListeners } from './home-listeners.js';
import { gateIntake } from './intake-gate.js';
import { registerLostPlaceListeners } from './lost-places.js';
import { registerSuggestListeners } from './suggest-listeners.js';
import type { SlackContext } from './interaction.js';
import { SlackChat } from './slack-chat.js';
import { slackStartError } from './start-errors.js';
import { timedReceiver } from './timed-receiver.js';
import { UserDirectory } from './users.js';

export interface SlackAdapterOptions {
  /** SLACK_BOT_TOKEN (`xoxb-...`). */
  botToken: string;
  /** SLACK_APP_TOKEN (`xapp-...`): Socket Mode, no public URL needed. */
  appToken?: string;
  /** SLACK_SIGNING_SECRET: HTTP mode, `POST /slack/events` on `port`. */
  signingSecret?: string;
  /** HTTP mode's port (PORT); 0 picks a free one, read back with {@link SlackAdapter.port}. */
  port: number;
  /** HOST: the address HTTP mode binds; every interface when unset. */
  host?: string;
  /** SLACK_API_URL: the Web API base (a proxy, or a local stand-in in tests). */
  apiUrl?: string;
  /** ADMIN_USER_IDS: admins everywhere, and who receives admin notices. */
  adminUserIds: string[];
  logger: Logger;
  /** The app's health, served at `GET /healthz` in HTTP mode. */
  health: () => HealthStatus;
  /** How long a `users.info` answer (admin rights, name) is trusted, in ms (default 5 minutes). */
  userCacheMs?: number;
  /** The clock of request ages, history reads and the connection's state (Date.now by default). */
  now?: () => number;
}

/**
 * Slack through Bolt 5: slash commands, the Answer button and modal, App Home, over Socket Mode
 * (with an app token) or HTTP (with a signing secret; every request's signature and age are
 * verified, answering 401 to forged ones and to timestamps more than 5 minutes from now, past or
 * future). It only translates: events become `bot.handle` calls, replies become Block Kit; no game
 * rule lives here.
 */
export class SlackAdapter implements PlatformAdapter {
  readonly platform = 'slack' as const;
  readonly chat: SlackChat;
  readonly mode: 'socket' | 'http';
  private readonly app: App;
  private readonly users: UserDirectory;
  private readonly logger: Logger;
  private server: Server | null = null;
  private context: SlackContext | null = null;
  private started = false;
  private accepting = true;
  /** Socket Mode's connection, for the health check (HTTP mode has none to lose). */
  private readonly link: ConnectionState;

  constructor(private readonly opts: SlackAdapterOptions) {
    if (!opts.appToken && !opts.signingSecret) throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
    this.mode = opts.appToken ? 'socket' : 'http';
    this.logger = opts.logger.child({ platform: 'slack' });
    const clientOptions = {
      ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
      // A 429 becomes a DeliveryError with its Retry-After, so the app's send queue waits it out.
      rejectRateLimitedCalls: true,
      // No blind retries: a post whose response was lost would appear twice. The core retries posts.
      retryConfig: { retries: 0 },
      timeout: 15_000,
    };
    // No conversation store: prepbot keeps its state in SQLite, and Bolt's default in-memory store
    // builds an Error (with its stack) for every request it finds no conversation for.
    const boltLogger = new BoltLogger(this.logger);
    const common = { token: opts.botToken, logger: boltLogger, clientOptions, deferInitialization: true, convoStore: false as const };
    const now = opts.now ?? Date.now;
    this.link = new ConnectionState('Slack Socket Mode', now);
    this.app =
      this.mode === 'socket'
        ? new App({ ...common, appToken: opts.appToken, socketMode: true })
        : new App({
            ...common,
            receiver: timedReceiver({ signingSecret: opts.signingSecret!, port: opts.port, customRoutes: [this.healthRoute()], processBeforeResponse: false, logger: boltLogger }, this.logger, now),
          });
    gateIntake(this.app, () => this.accepting);
    this.app.error(async (err) => {
      this.logger.error({ err }, 'a Slack listener failed');
    });
    this.users = new UserDirectory(this.app.client, this.logger, opts.userCacheMs);
    this.chat = new SlackChat(this.app.client, this.users, { adminUserIds: opts.adminUserIds, logger: this.logger, now });
  }

  /** Socket Mode's connection: down since when, for `/healthz`; HTTP mode is always up (Slack calls us). */
  connection(): ReturnType<ConnectionState['current']> {
    return this.link.current();
  }

  /** The adapter the settings describe: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT. */
  static fromConfig(config: Config, logger: Logger, env: Pick<AdapterEnv, 'health'>): SlackAdapter {
    return new SlackAdapter({
      botToken: config.SLACK_BOT_TOKEN!,
      appToken: config.platforms.slack === 'socket' ? config.SLACK_APP_TOKEN : undefined,
      signingSecret: config.platforms.slack === 'http' ? config.SLACK_SIGNING_SECRET : undefined,
      port: config.PORT,
      host: config.HOST,
      apiUrl: config.SLACK_API_URL,
      adminUserIds: config.ADMIN_USER_IDS,
      logger,
      health: env.health,
    });
  }

  /** The bound HTTP port in HTTP mode (after start), else null. */
  get port(): number | null {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : null;
  }

  /** Checks the token (`auth.test`), registers the listeners and starts receiving. */
  async start(bot: Bot): Promise<void> {
    this.context = {
      bot,
      chat: this.chat,
      users: this.users,
      client: this.app.client,
      logger: this.logger,
    };
    const ctx = () => this.context!;
    registerCommandListener(this.app, ctx);
    registerAnswerListeners(this.app, ctx);
    registerHomeListeners(this.app, ctx);
    registerDisputeListeners(this.app, ctx);
    registerSuggestListeners(this.app, ctx);
    registerLostPlaceListeners(this.app, ctx);
    this.accepting = true;
    try {
      await this.app.init();
    } catch (err) {
      throw slackStartError(err, 'bot-token', this.opts.apiUrl);
    }
    if (this.mode === 'http') {
      try {
        const { port, host } = this.opts;
        this.server = (await this.app.start(host ? { port, host } : port)) as Server;
      } catch (err) {
        throw new Error(`Slack's HTTP receiver could not start: ${listenProblem(err, this.opts.port, this.opts.host)}`, { cause: err });
      }
      this.logger.info({ host: this.opts.host ?? 'every interface', port: this.port }, 'Slack over HTTP: POST /slack/events, GET /healthz');
    } else {
      this.watchSocket();
      try {
        await this.app.start();
      } catch (err) {
        throw slackStartError(err, 'socket-mode', this.opts.apiUrl);
      }
      this.link.up();
      this.logger.info({}, 'Slack in Socket Mode: connected');
    }
    this.started = true;
  }

  /**
   * First step of shutdown: commands, buttons and forms are answered "restarting" instead of
   * reaching the core, while grades in flight are still sent (the connection stays open).
   */
  async stopIntake(): Promise<void> {
    this.accepting = false;
    this.logger.info({}, 'Slack intake stopped; new interactions are told prepbot is restarting');
  }

  /** Stops receiving and closes the connection or the HTTP server. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.app.stop();
    this.server = null;
  }

  /** Follows the Socket Mode client's connection (it reconnects by itself) for the health check. */
  private watchSocket(): void {
    const client = (this.app as unknown as { receiver?: { client?: NodeJS.EventEmitter } }).receiver?.client;
    if (!client) return;
    client.on('connected', () => this.link.up());
    client.on('disconnected', () => this.link.down('disconnected'));
    client.on('reconnecting', () => this.link.down('reconnecting'));
  }

  private healthRoute(): CustomRoute {
    return {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        const status = this.opts.health();
        res.writeHead(status.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status));
      },
    };
  }
}
