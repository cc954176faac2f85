import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

/** Anything Slack would turn into a notification for many people or a person. */
const PING = /<!(everyone|channel|here)(\|[^>]*)?>|<@[UW][A-Z0-9]+>|<!subteam\^/;

describe('no pings from user text', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  it('escapes names and answers in every post, update, ephemeral, DM and response', async () => {
    const daily = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(daily.responseId).length === 1);
    const round = rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)!;
    await rig.pressAnswer(`round:${round.id}`, { user: 'UBOB' });
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const view = rig.api.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    await rig.submit(view, '<!channel> <!everyone> <@UADMIN> & friends [score 9]', { user: 'UBOB', userName: '<!everyone> <@UADMIN>' });
    await rig.until(() => rig.api.callsTo('chat.postEphemeral').length === 1);
    const reveal = await rig.command('reveal', { user: 'UADMIN' });
    await rig.until(() => rig.responses(reveal.responseId).length === 1);
    const board = await rig.command('leaderboard all');
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => allText(c.body).includes('Leaderboard')));

    const summary = rig.api.callsTo('chat.postMessage').find((c) => c.body.thread_ts !== undefined)!;
    expect(allText(summary.body)).toContain('&lt;!everyone&gt; &lt;@UADMIN&gt; (9/10)');
    const everything = [...rig.api.calls.map((c) => c.body), ...rig.api.responses.map((r) => r.body)].map(allText).join('\n');
    expect(everything).not.toMatch(PING);
    expect(everything).not.toContain('friends');
    expect(rig.responses(board.responseId)).toHaveLength(0);
  });
});
