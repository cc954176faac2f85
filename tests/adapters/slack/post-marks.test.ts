import { afterEach, describe, expect, it } from 'vitest';
import { postMark } from '../../../src/core/post-identity.js';
import { DeliveryError } from '../../../src/core/ports.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { channelKey, command } from './play.js';
import { CHANNEL, startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

describe('a tracked post on Slack', () => {
  it('carries its metadata on the post and on every update, which conversations.history returns only when asked', async () => {
    rig = await startRig();
    await command(rig, 'daily', { user: 'UADMIN' });
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    const metadata = { event_type: 'prepbot_post', event_payload: { kind: 'round', key: String(round.id) } };
    expect(rig.api.callsTo('chat.postMessage').find((c) => c.body.channel === CHANNEL)!.body.metadata).toEqual(metadata);
    await rig.app.bot.rounds.refreshPost(round.id);
    expect(rig.api.callsTo('chat.update').at(-1)!.body.metadata).toEqual(metadata);
    expect(rig.api.postsIn(CHANNEL)[0]!.metadata).toEqual(metadata);

    const read = async (include: boolean) => {
      const res = await fetch(`${rig!.api.url}conversations.history`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `channel=${CHANNEL}&include_all_metadata=${include}` });
      return ((await res.json()) as { messages: { metadata?: unknown }[] }).messages[0];
    };
    expect((await read(true))!.metadata).toEqual(metadata);
    expect((await read(false))!.metadata).toBeUndefined();
  });

  it('is found by its metadata in the window after its intent, reading the history at most once a minute per channel', async () => {
    const clock = new FakeClock(Date.now());
    rig = await startRig({ clock, adapter: { now: () => clock.now() } });
    rig.api.now = () => clock.now();
    rig.api.limitHistory = true;
    await command(rig, 'daily', { user: 'UADMIN' });
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    const window = { from: round.postedAt, to: round.postedAt + 30_000 };
    const chat = rig.adapter.chat;

    expect(await chat.findPost({ channelId: channelKey() }, postMark('round', String(round.id)), window)).toBe(round.messageRef);
    const [read] = rig.api.callsTo('conversations.history');
    expect(read!.body).toMatchObject({ channel: CHANNEL, include_all_metadata: 'true', inclusive: 'true', limit: '15' });
    expect(Number(read!.body.oldest)).toBeLessThan(round.postedAt / 1000);
    expect(Number(read!.body.latest)).toBeGreaterThan((round.postedAt + 30_000) / 1000);

    // A second look in the same minute is refused here, before Slack would answer 429.
    const again = chat.findPost({ channelId: channelKey() }, postMark('round', String(round.id + 1)), window);
    await expect(again).rejects.toBeInstanceOf(DeliveryError);
    await expect(again).rejects.toMatchObject({ code: 'rate_limited' });
    expect(rig.api.callsTo('conversations.history')).toHaveLength(1);
    clock.advance(60_000);
    expect(await chat.findPost({ channelId: channelKey() }, postMark('round', String(round.id + 1)), window)).toBeNull();
    expect(rig.api.statuses.filter((s) => s.status === 429)).toEqual([]);
  });
});
