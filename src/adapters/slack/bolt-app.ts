import { App, type CustomRoute } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { BoltLogger } from './bolt-logger.js';
import type { SealedInstallationStore } from './installations.js';
import { installedClients, oauthReceiverOptions, sealedInstalls, type SlackOAuthOptions } from './oauth.js';
import { timedReceiver } from './timed-receiver.js';
import { singleTokenClients, type SlackClients } from './workspace-clients.js';

/** How the Slack app connects and authenticates (the adapter's options that shape Bolt). */
export interface BoltAppOptions {
  /** SLACK_BOT_TOKEN (`xoxb-...`): one workspace's token. Either this or {@link oauth}. */
  botToken?: string;
  /** Add to Slack (HTTP mode only): many workspaces, each with the token its install gave. */
  oauth?: SlackOAuthOptions;
  /** SLACK_APP_TOKEN (`xapp-...`): Socket Mode, no public URL needed. */
  appToken?: string;
  /** SLACK_SIGNING_SECRET: HTTP mode, `POST /slack/events` on `port`. */
  signingSecret?: string;
  /** HTTP mode's port (PORT); 0 picks a free one. */
  port: number;
  /** SLACK_API_URL: the Web API base (a proxy, or a local stand-in in tests). */
  apiUrl?: string;
}

/** Bolt's App, the client of each workspace, and the installs (Add to Slack only). */
export interface BoltParts {
  app: App;
  clients: SlackClients;
  installs: SealedInstallationStore | null;
}

/**
 * Builds Bolt's App for the settings: Socket Mode, or HTTP (the receiver that refuses requests
 * signed more than 5 minutes from now, either way, with `routes` such as `/healthz`), with one bot
 * token or with Bolt's OAuth flow and the sealed installs. Web API calls go to SLACK_API_URL, are not
 * retried blindly and hand a 429 to the caller.
 */
export function createBoltApp(opts: BoltAppOptions, o: { logger: Logger; routes: CustomRoute[]; now: () => number }): BoltParts {
  if (!opts.appToken && !opts.signingSecret) throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  if (!opts.botToken === !opts.oauth) throw new Error('Slack needs SLACK_BOT_TOKEN (one workspace) or the Add to Slack settings (SLACK_CLIENT_ID...), not both');
  if (opts.oauth && opts.appToken) throw new Error('Add to Slack runs over HTTP (SLACK_SIGNING_SECRET), not Socket Mode');
  const boltLogger = new BoltLogger(o.logger);
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
  const common = { ...(opts.botToken ? { token: opts.botToken } : {}), logger: boltLogger, clientOptions, deferInitialization: true, convoStore: false as const };
  if (opts.appToken) {
    const app = new App({ ...common, appToken: opts.appToken, socketMode: true });
    return { app, clients: singleTokenClients(app.client), installs: null };
  }
  const installs = opts.oauth ? sealedInstalls(opts.oauth, o.logger, o.now) : null;
  const withLogger = { ...clientOptions, logger: boltLogger };
  const receiver = timedReceiver(
    {
      signingSecret: opts.signingSecret!,
      port: opts.port,
      customRoutes: o.routes,
      processBeforeResponse: false,
      logger: boltLogger,
      ...(opts.oauth && installs ? oauthReceiverOptions(opts.oauth, installs, withLogger) : {}),
    },
    o.logger,
    o.now,
  );
  const app = new App({ ...common, receiver });
  return { app, clients: installs ? installedClients(receiver, withLogger) : singleTokenClients(app.client), installs };
}
