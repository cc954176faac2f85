import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, type App, type CustomRoute } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/ports.js';
import { listenProblem } from '../../health/health-server.js';
import { ConnectionState } from '../connection-state.js';
import type { AdapterEnv, HealthStatus, PlatformAdapter } from '../platform-adapter.js';
import { registerAnswerListeners } from './answer-listeners.js';
import { createBoltApp, type BoltAppOptions } from './bolt-app.js';
import { registerCommandListener } from './command-listener.js';
import { registerDisputeListeners } from './dispute-listeners.js';
import { registerHomeListeners } from './home-listeners.js';
import { gateIntake } from './intake-gate.js';
import { registerSuggestListeners } from './suggest-listeners.js';
import type { SealedInstallationStore } from './installations.js';
import type { SlackContext } from './interaction.js';
import { registerLostPlaceListeners } from './lost-places.js';
import { SlackChat } from './slack-chat.js';
import { slackStartError } from './start-errors.js';
import { UserDirectory } from './users.js';
import type { SlackClients } from './workspace-clients.js';

/** The adapter's settings: how it connects and authenticates ({@link BoltAppOptions}), and the rest. */
export interface SlackAdapterOptions extends BoltAppOptions {
  /** HOST: the address HTTP mode binds; every interface when unset. Read the bound port back with {@link SlackAdapter.port}. */
  host?: string;
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
 * rule lives here. With one bot token every call uses it; with Add to Slack (OAuth) Bolt serves the
 * install pages, each workspace's install is kept sealed in the database, and every call (a reply,
 * a scheduled post, a grade, a DM) uses the token of the workspace it serves.
 */
export class SlackAdapter implements PlatformAdapter {
  readonly platform = 'slack' as const;
  readonly chat: SlackChat;
  readonly mode: 'socket' | 'http';
  /** One SLACK_BOT_TOKEN, or each workspace's token from its install (Add to Slack). */
  readonly auth: 'token' | 'oauth';
  private readonly app: App;
  private readonly clients: SlackClients;
  /** The workspaces' installs, in OAuth mode. */
  private readonly installs: SealedInstallationStore | null;
  private readonly users: UserDirectory;
  private readonly logger: Logger;
  private server: Server | null = null;
  private context: SlackContext | null = null;
  private started = false;
  private accepting = true;
  /** Socket Mode's connection, for the health check (HTTP mode has none to lose). */
  private readonly link: ConnectionState;

  constructor(private readonly opts: SlackAdapterOptions) {
    this.mode = opts.appToken ? 'socket' : 'http';
    this.auth = opts.oauth ? 'oauth' : 'token';
    this.logger = opts.logger.child({ platform: 'slack' });
    const now = opts.now ?? Date.now;
    this.link = new ConnectionState('Slack Socket Mode', now);
    ({ app: this.app, clients: this.clients, installs: this.installs } = createBoltApp(opts, { logger: this.logger, routes: [this.healthRoute()], now }));
    gateIntake(this.app, () => this.accepting);
    this.app.error(async (err) => {
      // A request from a workspace prepbot holds no install for (uninstalled, or never added): nothing to answer with.
      if (this.installs && err.code === ErrorCode.AuthorizationError) this.logger.warn({ detail: err.message }, 'a Slack request from a workspace without an install; ignored');
      else this.logger.error({ err }, 'a Slack listener failed');
    });
    this.users = new UserDirectory(this.clients, this.logger, opts.userCacheMs);
    this.chat = new SlackChat(this.clients, this.users, { adminUserIds: opts.adminUserIds, logger: this.logger, now });
  }

  /** Socket Mode's connection: down since when, for `/healthz`; HTTP mode is always up (Slack calls us). */
  connection(): ReturnType<ConnectionState['current']> {
    return this.link.current();
  }

  /** The adapter the settings describe: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT, with one token or Add to Slack. */
  static fromConfig(config: Config, logger: Logger, env: Pick<AdapterEnv, 'health' | 'installs'>): SlackAdapter {
    const oauth = config.platforms.slack === 'oauth';
    if (oauth && !env.installs) throw new Error('Add to Slack needs the database of installs');
    return new SlackAdapter({
      botToken: oauth ? undefined : config.SLACK_BOT_TOKEN,
      oauth: oauth
        ? { clientId: config.SLACK_CLIENT_ID!, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET!, secretKey: config.PREPBOT_SECRET_KEY!, installs: env.installs! }
        : undefined,
      appToken: config.platforms.slack === 'socket' ? config.SLACK_APP_TOKEN : undefined,
      signingSecret: config.platforms.slack !== 'socket' ? config.SLACK_SIGNING_SECRET : undefined,
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
      clients: this.clients,
      installs: this.installs,
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
      // With one token Bolt checks it (`auth.test`); with Add to Slack there is none to check.
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
      const where = { host: this.opts.host ?? 'every interface', port: this.port };
      if (this.installs) this.logger.info({ ...where, workspaces: this.installs.count() }, 'Slack over HTTP with Add to Slack: GET /slack/install, GET /slack/oauth_redirect, POST /slack/events, GET /healthz');
      else this.logger.info(where, 'Slack over HTTP: POST /slack/events, GET /healthz');
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
