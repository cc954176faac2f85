import { slackErrorCode } from './delivery-errors.js';

/** Slack's Web API when SLACK_API_URL is unset. */
const SLACK_API = 'https://slack.com/api/';

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

/** What went wrong on the way to Slack, from the deepest cause that says it (a network code, an HTTP status). */
function networkDetail(err: unknown): string {
  let detail = 'no answer';
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 6; depth += 1) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK[code]) return NETWORK[code];
    if (code === 'slack_webapi_http_error' && typeof e.statusCode === 'number') return `it answered HTTP ${e.statusCode}`;
    if (typeof e.message === 'string' && e.message) detail = e.message;
    e = (e.original ?? e.cause) as Record<string, unknown> | undefined;
  }
  return detail;
}

/**
 * A start-up failure as one sentence: Slack refusing a token names the token and where to find
 * the right one; a Slack that cannot be reached (network, proxy, an outage) is said to be
 * unreachable, with the URL tried, so nobody regenerates a good token over a network problem.
 */
export function slackStartError(err: unknown, step: 'bot-token' | 'socket-mode', apiUrl: string | undefined): Error {
  const code = slackErrorCode(err);
  if (code && step === 'bot-token') {
    return new Error(`Slack did not accept SLACK_BOT_TOKEN (${code}). Use the Bot User OAuth Token (xoxb-...) from the app's "OAuth & Permissions" page.`, { cause: err });
  }
  if (code) {
    return new Error(
      `Slack did not open a Socket Mode connection (${code}). SLACK_APP_TOKEN must be an app-level token (xapp-...) with the connections:write scope, and Socket Mode must be on.`,
      { cause: err },
    );
  }
  const where = apiUrl ?? SLACK_API;
  return new Error(`could not reach Slack at ${where}: ${networkDetail(err)}. Check the network, a proxy, or SLACK_API_URL; the tokens were not checked.`, { cause: err });
}
