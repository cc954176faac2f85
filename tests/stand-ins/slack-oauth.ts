/** One workspace's install, as `oauth.v2.access` gives it for a code. */
export interface SlackGrant {
  team: string;
  teamName?: string;
  /** The bot token (`xoxb-...`) the install gives. */
  token: string;
  botUserId?: string;
  scopes?: string[];
}

/**
 * Slack's side of Add to Slack, for the Web API stand-in: `oauth.v2.access` exchanges a code the
 * test granted (once: a code is single-use) for a workspace's bot token, checking the app's client
 * id and secret, and `auth.test` answers for each token with its own workspace.
 */
export class SlackOAuthStandIn {
  /** The app's credentials `oauth.v2.access` expects. */
  app = { clientId: 'CLIENT1', clientSecret: 'client-secret-1' };
  /** Codes and the install each gives. */
  private readonly codes = new Map<string, SlackGrant>();
  /** Tokens and the workspace of each (tokens of no grant are T1's, as before OAuth). */
  private readonly tokens = new Map<string, SlackGrant>();
  /** Tokens Slack revoked (uninstalls): every call with one is refused `token_revoked`. */
  readonly revoked = new Set<string>();

  /** The install `code` gives when the OAuth flow comes back with it. */
  grant(code: string, install: SlackGrant): void {
    this.codes.set(code, install);
  }

  /** A call's refusal when its token was revoked, else null. */
  refusal(token: string | null): Record<string, unknown> | null {
    return token && this.revoked.has(token) ? { ok: false, error: 'token_revoked' } : null;
  }

  /** The answer to an OAuth or identity method, or null for the other methods. */
  answer(method: string, body: Record<string, unknown>, token: string | null): Record<string, unknown> | null {
    if (method === 'auth.test') {
      const g = token ? this.tokens.get(token) : undefined;
      if (!g) return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'prepbot', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      return { ok: true, url: `https://${g.team.toLowerCase()}.slack.com/`, team: g.teamName ?? g.team, user: 'prepbot', team_id: g.team, user_id: g.botUserId ?? 'UBOT', bot_id: `B${g.team}` };
    }
    if (method !== 'oauth.v2.access') return null;
    if (body.client_id !== this.app.clientId || body.client_secret !== this.app.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const g = this.codes.get(String(body.code ?? ''));
    if (!g) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(body.code));
    this.tokens.set(g.token, g);
    return {
      ok: true,
      access_token: g.token,
      token_type: 'bot',
      scope: (g.scopes ?? ['commands', 'chat:write']).join(','),
      bot_user_id: g.botUserId ?? 'UBOT',
      app_id: 'A1',
      team: { id: g.team, name: g.teamName ?? g.team },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'UINSTALLER' },
    };
  }
}
