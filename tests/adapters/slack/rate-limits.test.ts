import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api.js';
import { startRig, type Rig } from './rig.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0);

/** The Web API client as the adapter builds it: a 429 comes back to the caller, never retried blindly. */
const client = (api: SlackWebApiStandIn) => new webApi.WebClient('xoxb-test', { slackApiUrl: api.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });

describe("the Slack stand-in enforces chat.postMessage's limit per channel", () => {
  let api: SlackWebApiStandIn;
  let now = T0;
  beforeEach(async () => {
    api = await SlackWebApiStandIn.start();
    now = T0;
    api.now = () => now;
    api.limitPosts({ perSecond: 1, burst: 2 });
  });
  afterEach(async () => {
    await api.close();
  });

  it('takes a short burst in a channel, then answers 429 with Retry-After, which the WebClient reports', async () => {
    const slack = client(api);
    await slack.chat.postMessage({ channel: 'C1', text: 'one' });
    await slack.chat.postMessage({ channel: 'C1', text: 'two' });
    const err = await slack.chat.postMessage({ channel: 'C1', text: 'three' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    expect(api.statuses.map((s) => s.status)).toEqual([200, 200, 429]);
    expect(api.postsIn('C1').map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('counts each channel on its own, and refills about one message a second', async () => {
    const slack = client(api);
    for (const text of ['a', 'b']) await slack.chat.postMessage({ channel: 'C1', text });
    await slack.chat.postMessage({ channel: 'C2', text: 'elsewhere' });
    now += 1_000;
    await slack.chat.postMessage({ channel: 'C1', text: 'a second later' });
    await expect(slack.chat.postMessage({ channel: 'C1', text: 'too soon' })).rejects.toMatchObject({ retryAfter: 1 });
    expect(api.postsIn('C1')).toHaveLength(3);
    expect(api.postsIn('C2')).toHaveLength(1);
  });
});

describe("the Slack adapter against the stand-in's limit", () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
    rig.api.now = () => T0;
    rig.api.limitPosts({ perSecond: 1, burst: 1 });
  });
  afterEach(async () => {
    await rig.stop();
  });

  it("hands the 429 to the send queue as rate_limited with Slack's wait", async () => {
    const reply = { kind: 'text', visibility: 'public', text: 'hello' } as const;
    await rig.adapter.chat.send({ channelId: 'slack:T1:C1' }, reply);
    await expect(rig.adapter.chat.send({ channelId: 'slack:T1:C1' }, reply)).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 1_000 });
    await rig.adapter.chat.send({ channelId: 'slack:T1:C2' }, reply);
    expect(rig.api.postsIn('C1')).toHaveLength(1);
  });
});
