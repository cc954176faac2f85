import type { Actor } from '../../../src/core/model.js';
import { payloadBody, type SlackHttpResult } from '../../stand-ins/slack-signing.js';
import { allText, CHANNEL, TEAM, type Rig } from './rig.js';

/** The core id of a Slack channel. */
export const channelKey = (channel = CHANNEL, team = TEAM): string => `slack:${team}:${channel}`;

let eventSeq = 0;

/** A signed `event_callback` envelope, as Slack sends a subscribed bot event over HTTP. */
export function sendEvent(rig: Rig, event: Record<string, unknown>, team = TEAM): Promise<SlackHttpResult> {
  eventSeq += 1;
  return rig.send(
    JSON.stringify({
      token: 'legacy',
      team_id: team,
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: `EvLost${eventSeq}`,
      event_time: 1700000000,
      authorizations: [{ enterprise_id: null, team_id: team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      event: { event_ts: '1700000000.000001', ...event },
    }),
    { contentType: 'application/json' },
  );
}

/** `/prep <text>` from `user`, waiting for its response; returns the response's text. */
export async function command(rig: Rig, text: string, o: { user?: string; channel?: string; team?: string } = {}): Promise<string> {
  const { responseId } = await rig.command(text, o);
  await rig.until(() => rig.responses(responseId).length >= 1);
  return allText(rig.responses(responseId));
}

/** Presses Answer on the channel's open round, submits `text`, and returns the graded ephemeral's body. */
export async function answerAndGrade(rig: Rig, text: string, user = 'UALICE', channel = CHANNEL): Promise<Record<string, unknown>> {
  const round = rig.app.store.rounds.getOpenRound(channelKey(channel))!;
  const opened = rig.api.callsTo('views.open').length;
  const graded = rig.api.callsTo('chat.postEphemeral').filter((c) => c.body.user === user).length;
  await rig.pressAnswer(`round:${round.id}`, { user, channel });
  await rig.until(() => rig.api.callsTo('views.open').length === opened + 1);
  await rig.submit(rig.api.callsTo('views.open').at(-1)!.body.view as Record<string, unknown>, text, { user });
  await rig.until(() => rig.api.callsTo('chat.postEphemeral').filter((c) => c.body.user === user).length === graded + 1);
  return rig.api.callsTo('chat.postEphemeral').filter((c) => c.body.user === user).at(-1)!.body;
}

/** DMs the bot sent a user (posts whose channel is the user id), as text. */
export const dmsTo = (rig: Rig, user: string): string[] => rig.api.callsTo('chat.postMessage').filter((c) => c.body.channel === user).map((c) => allText(c.body));

/** A workspace admin as the core sees one (for calls made straight into the core, as the scheduler does). */
export function adminActor(user = 'UADMIN', team = TEAM): Actor {
  return { id: `slack:${team}:${user}`, platformId: user, name: user, isPlatformAdmin: async () => true };
}

/** A signed `view_submission` of any prepbot modal, with one text input's value. */
export function submitView(rig: Rig, view: Record<string, unknown>, block: string, value: string, user = 'UALICE'): Promise<SlackHttpResult> {
  return rig.send(
    payloadBody({
      type: 'view_submission',
      team: { id: TEAM, domain: 'test' },
      user: { id: user, username: user.slice(1).toLowerCase(), name: user.slice(1).toLowerCase(), team_id: TEAM },
      api_app_id: 'A1',
      trigger_id: `trigger.view.${(eventSeq += 1)}`,
      view: { id: 'VX', team_id: TEAM, hash: '1.x', ...view, state: { values: { [block]: { text: { type: 'plain_text_input', value } } } } },
    }),
  );
}
