import type { HTTPReceiver, HTTPReceiverOptions, webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { InstallStore } from '../../core/stores/install-store.js';
import { SecretBox } from '../../secrets/secret-box.js';
import { SealedInstallationStore } from './installations.js';
import { InstalledClients } from './workspace-clients.js';

/**
 * The bot scopes an install asks for: the Web API methods the adapter calls, as in
 * `slack/manifest.yaml` (a test keeps the two equal).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'files:write',
  'users:read',
  'usergroups:read',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
];

/** Add to Slack: the app's credentials, and where installs are kept. */
export interface SlackOAuthOptions {
  /** SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (Basic Information, App Credentials). */
  clientId: string;
  clientSecret: string;
  /** SLACK_STATE_SECRET: signs the OAuth `state` that Bolt checks against its cookie. */
  stateSecret: string;
  /** PREPBOT_SECRET_KEY (64 hex characters): seals each install's tokens. */
  secretKey: string;
  /** The database's installs (sealed). */
  installs: InstallStore;
}

/**
 * Bolt's OAuth flow on the HTTP receiver: `GET /slack/install` (a page with the Add to Slack button,
 * which sets the state cookie) and `GET /slack/oauth_redirect` (checks the state against the cookie,
 * exchanges the code with `oauth.v2.access`, stores the install). `clientOptions` carry the Web API
 * base, so the exchange reaches SLACK_API_URL like every other call.
 */
export function oauthReceiverOptions(o: SlackOAuthOptions, store: SealedInstallationStore, clientOptions: webApi.WebClientOptions): Partial<HTTPReceiverOptions> {
  return {
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateSecret: o.stateSecret,
    scopes: BOT_SCOPES,
    installationStore: store,
    installerOptions: { clientOptions, stateVerification: true },
  };
}

/** The installs, sealed under PREPBOT_SECRET_KEY. */
export function sealedInstalls(o: SlackOAuthOptions, logger: Logger, now?: () => number): SealedInstallationStore {
  return new SealedInstallationStore(o.installs, SecretBox.fromHex(o.secretKey), logger, now);
}

/**
 * Each workspace's client, its token read through the receiver's installer (`authorize`: the
 * installation store, and a refresh when tokens rotate), as Bolt does for incoming requests.
 */
export function installedClients(receiver: HTTPReceiver, clientOptions: webApi.WebClientOptions): InstalledClients {
  const installer = receiver.installer;
  if (!installer) throw new Error("Bolt's receiver has no OAuth installer");
  return new InstalledClients(async (team) => (await installer.authorize({ teamId: team, enterpriseId: undefined, isEnterpriseInstall: false })).botToken, clientOptions);
}
