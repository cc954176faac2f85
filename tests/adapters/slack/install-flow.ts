import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SlackGrant } from '../../stand-ins/slack-oauth.js';
import type { Rig } from './rig.js';

/** Add to Slack's settings, with a SQLite file in a fresh folder (the test reads its bytes). */
export function oauthEnv(key = randomBytes(32).toString('hex')): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-oauth-'));
  return {
    DATABASE_PATH: join(dir, 'prepbot.sqlite'),
    SLACK_CLIENT_ID: 'CLIENT1',
    SLACK_CLIENT_SECRET: 'client-secret-1',
    SLACK_STATE_SECRET: 'state-secret-for-tests',
    PREPBOT_SECRET_KEY: key,
  };
}

/** The database file and its WAL, as bytes on disk. */
export function databaseBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
}

let codes = 0;

/**
 * Add to Slack as a browser goes through it: `GET /slack/install` (the page with the button, and
 * the state cookie), Slack sending the browser back to `GET /slack/oauth_redirect?code=...&state=...`
 * with that cookie, Bolt exchanging the code at the stand-in's `oauth.v2.access`.
 */
export async function install(rig: Rig, grant: SlackGrant, o: { withCookie?: boolean } = {}): Promise<{ status: number; page: string; authorizeUrl: URL }> {
  const start = await fetch(`${rig.base}/slack/install`);
  const html = await start.text();
  const href = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no Add to Slack link on the install page (HTTP ${start.status})`);
  const authorizeUrl = new URL(href.replaceAll('&amp;', '&'));
  const state = authorizeUrl.searchParams.get('state') ?? '';
  const cookie = start.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
  const code = `code-${grant.team}-${(codes += 1)}`;
  rig.api.oauth.grant(code, grant);
  const back = await fetch(`${rig.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: o.withCookie === false ? {} : { cookie },
    redirect: 'manual',
  });
  return { status: back.status, page: await back.text(), authorizeUrl };
}
