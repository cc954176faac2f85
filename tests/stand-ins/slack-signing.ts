import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A form body, as Slack sends slash commands. */
export const formBody = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

/** An interaction body (`block_actions`, `view_submission`): one `payload` field of JSON. */
export const payloadBody = (payload: object): string => formBody({ payload: JSON.stringify(payload) });

export interface SignedRequest {
  secret: string;
  /** Defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (a forged request). */
  signature?: string;
  retryNum?: number;
  contentType?: string;
}

export interface SlackHttpResult {
  status: number;
  text: string;
  json: unknown;
}

/** Sends a body signed the way Slack signs it into a receiver (e.g. `http://127.0.0.1:PORT/slack/events`). */
export async function sendSigned(url: string, body: string, req: SignedRequest): Promise<SlackHttpResult> {
  const timestamp = req.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': req.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': req.signature ?? slackSignature(req.secret, timestamp, body),
  };
  if (req.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(req.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}
