import { afterEach, describe, expect, it } from 'vitest';
import { postMark } from '../../../src/core/post-identity.js';
import type { QuestionReply } from '../../../src/core/replies.js';
import { CHANNEL_ID } from '../../stand-ins/discord-stand-in.js';
import { channelKey, postDaily, slashReply } from './play.js';
import { ADMIN } from '../../stand-ins/discord-stand-in.js';
import { startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const window = () => ({ from: Date.now() - 60_000, to: Date.now() });

describe("a tracked post on Discord", () => {
  it('carries its nonce with enforce_nonce, so a second create of the same post within the window returns the first message', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    const created = rig.standIn.rest.requests.find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`)!;
    expect(created.body).toMatchObject({ nonce: expect.stringMatching(/^round-\d+\.[a-z0-9]+$/), enforce_nonce: true });

    // The same post sent again (an attempt that did not know the first had gone through).
    const again = rig.app.bot.rounds.questionReply(round, rig.app.bot.deps.content.get(round.questionId)!, null) as QuestionReply;
    const ref = await rig.adapter.chat.send({ channelId: channelKey(), post: postMark('round', String(round.id), created.body.nonce) }, again);
    expect(ref).toBe(`${CHANNEL_ID}:${post.id}`);
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it("is found again among the bot's recent messages by the tag in its footer, in the channel and in a summary's thread; another post's tag finds nothing", async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    expect(post.embeds[0].footer.text).toMatch(new RegExp(` · round-${round.id}$`));
    const chat = rig.adapter.chat;
    expect(await chat.findPost({ channelId: channelKey() }, postMark('round', String(round.id)), window())).toBe(`${CHANNEL_ID}:${post.id}`);
    expect(await chat.findPost({ channelId: channelKey() }, postMark('round', String(round.id + 1)), window())).toBeNull();
    // No thread yet: no summary.
    expect(await chat.findPost({ channelId: channelKey(), threadOf: round.messageRef! }, postMark('summary', String(round.id)), window())).toBeNull();

    await slashReply(rig, ADMIN, 'reveal');
    const thread = await rig.standIn.waitFor(() => rig!.standIn.threadOn(post.id)?.messages.length === 1 && rig!.standIn.threadOn(post.id), 'the summary');
    const summary = thread.messages[0]!;
    expect(summary.embeds[0].footer.text).toBe(`summary-${round.id}`);
    expect(await chat.findPost({ channelId: channelKey(), threadOf: round.messageRef! }, postMark('summary', String(round.id)), window())).toBe(`${post.id}:${summary.id}`);
  });

  it('keeps its tag when the live count edits it', async () => {
    rig = await startRig({ options: { liveCountIntervalMs: 10 } });
    const post = await postDaily(rig);
    const round = rig.app.store.rounds.getOpenRound(channelKey())!;
    await rig.app.bot.rounds.refreshPost(round.id);
    const edited = rig.standIn.messagesIn(CHANNEL_ID)[0]!;
    expect(edited.id).toBe(post.id);
    expect(edited.edits).toBeGreaterThan(0);
    expect(edited.embeds[0].footer.text).toMatch(new RegExp(` · round-${round.id}$`));
  });
});
