import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../core/ports.js';

/**
 * The Web API client that acts in one workspace. Every call prepbot makes (replies, daily posts,
 * summaries, grades, DMs, admin checks) asks for the client of the workspace it serves, so with
 * many workspaces each call carries that workspace's bot token.
 */
export interface SlackClients {
  forTeam(team: string): Promise<webApi.WebClient>;
}

/** SLACK_BOT_TOKEN: the one client, whatever the workspace (the token's own, or an org's workspaces). */
export function singleTokenClients(client: webApi.WebClient): SlackClients {
  return { forTeam: async () => client };
}

/** What a workspace is told when prepbot holds no token for it. */
const NOT_INSTALLED = 'prepbot is not installed in this Slack workspace (it was removed, or never added)';

/** Clients kept at most; past it the least recently used is dropped (and made again when needed). */
const MAX_CLIENTS = 1_000;

/**
 * Add to Slack: each workspace's client carries the bot token of its install, read through Bolt's
 * `authorize` (the installation store, which opens the sealed install, and refreshes a rotating
 * token). Clients are kept per workspace while their token stays the same, so a reinstall (a new
 * token) gets a new client and an uninstall (no token) fails the call at once, on every process
 * sharing the database. A workspace without an install is a {@link DeliveryError} `channel_gone`.
 */
export class InstalledClients implements SlackClients {
  private readonly clients = new Map<string, { token: string; client: webApi.WebClient }>();

  constructor(
    private readonly botTokenOf: (team: string) => Promise<string | undefined>,
    private readonly options: webApi.WebClientOptions,
  ) {}

  async forTeam(team: string): Promise<webApi.WebClient> {
    let token: string | undefined;
    try {
      token = await this.botTokenOf(team);
    } catch (err) {
      this.clients.delete(team);
      throw new DeliveryError('channel_gone', NOT_INSTALLED, undefined, { cause: err });
    }
    if (!token) {
      this.clients.delete(team);
      throw new DeliveryError('channel_gone', NOT_INSTALLED);
    }
    const known = this.clients.get(team);
    this.clients.delete(team);
    const entry = known?.token === token ? known : { token, client: new webApi.WebClient(token, this.options) };
    this.clients.set(team, entry);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return entry.client;
  }
}
