import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryError, type Target } from '../../../src/core/ports.js';
import type { QuestionReply, SummaryReply } from '../../../src/core/replies.js';
import { PermissionFlagsBits } from 'discord.js';
import { ADMIN, CHANNEL_ID, DEFAULT_GUILD, GUILD_ID, MEMBER, OTHER, OWNER } from '../../stand-ins/discord-stand-in.js';
import { startRig, visible, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const HERE: Target = { channelId: `discord:${GUILD_ID}:${CHANNEL_ID}` };

function question(over: Partial<QuestionReply> = {}): QuestionReply {
  return {
    kind: 'question',
    visibility: 'public',
    answerRef: 'round:7',
    mode: 'daily',
    questionId: 'q1',
    prompt: 'What is attention?',
    topic: 'transformer-architecture',
    difficulty: 'medium',
    pack: 'p',
    answerCount: 0,
    ...over,
  };
}

const summary: SummaryReply = {
  kind: 'summary',
  visibility: 'public',
  roundId: 7,
  questionPrompt: 'What is attention?',
  keyPoints: ['Weighs tokens'],
  answered: 2,
  averageScore: 6.5,
  top: [{ rank: 1, name: 'Ada', score: 8 }],
};

const note = (text: string) => ({ kind: 'text' as const, visibility: 'private' as const, text });

async function rejection(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('the Discord ChatPort', () => {
  it('posts in a channel and returns a reference to the message', async () => {
    rig = await startRig();
    const ref = await rig.adapter.chat.send(HERE, question());
    const [post] = rig.standIn.messagesIn(CHANNEL_ID);
    expect(ref).toBe(`${CHANNEL_ID}:${post!.id}`);
  });

  it('keeps no copy of the messages it posts (one a channel a day, for every channel, would only grow)', async () => {
    rig = await startRig();
    const ref = await rig.adapter.chat.send(HERE, question());
    await rig.adapter.chat.edit(HERE, ref!, question({ answerCount: 3 }));
    const channel = rig.adapter.client.channels.cache.get(CHANNEL_ID);
    expect(channel && 'messages' in channel ? channel.messages.cache.size : -1).toBe(0);
    expect(rig.standIn.messagesIn(CHANNEL_ID)[0]!.edits).toBe(1);
  });

  it("mentions only the channel's own ping role on the daily post", async () => {
    rig = await startRig();
    await rig.adapter.chat.send(HERE, question({ pingRole: 'discord-role:1500000000000000001' }));
    const [post] = rig.standIn.messagesIn(CHANNEL_ID);
    expect(post!.content).toBe('<@&1500000000000000001>');
    expect(post!.allowedMentions).toEqual({ parse: [], roles: ['1500000000000000001'] });
  });

  it('reports Missing Permissions as forbidden', async () => {
    rig = await startRig();
    rig.standIn.fail('POST', /^\/channels\/\d+\/messages$/, { status: 403, code: 50013, message: 'Missing Permissions' });
    expect((await rejection(rig.adapter.chat.send(HERE, question()))).code).toBe('forbidden');
  });

  it('reports an unknown channel as gone', async () => {
    rig = await startRig();
    rig.standIn.fail('POST', /^\/channels\/\d+\/messages$/, { status: 404, code: 10003, message: 'Unknown Channel' });
    expect((await rejection(rig.adapter.chat.send(HERE, question()))).code).toBe('channel_gone');
    const err = await rejection(rig.adapter.chat.send({ channelId: `discord:${GUILD_ID}:1200000000000000099` }, question()));
    expect(err.code).toBe('channel_gone');
  });

  it("hands a rate limit back as rate_limited with its wait, which the app's send queue waits out", async () => {
    rig = await startRig();
    rig.standIn.fail('POST', /^\/channels\/\d+\/messages$/, { status: 429, retryAfter: 0.05 });
    await rig.app.chat.send(HERE, question());
    const posts = rig.standIn.rest.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('starts a thread on the post for the summary, and reuses it afterwards', async () => {
    rig = await startRig();
    const ref = (await rig.adapter.chat.send(HERE, question()))!;
    await rig.adapter.chat.send({ ...HERE, threadOf: ref }, summary);
    await rig.adapter.chat.send({ ...HERE, threadOf: ref }, { ...summary, answered: 3 });
    const thread = rig.standIn.threadOn(ref.split(':')[1]!)!;
    expect(thread.channel.name).toBe('Summary: What is attention?');
    expect(thread.messages.map(visible)).toEqual([expect.stringMatching(/Answered: 2/), expect.stringMatching(/Answered: 3/)]);
  });

  it('tells admins privately: ADMIN_USER_IDS members of the server and its owner, by DM', async () => {
    rig = await startRig({ env: { ADMIN_USER_IDS: `${ADMIN.id},1999999999999999999` } });
    await rig.adapter.chat.send({ ...HERE, admins: true }, note('Two questions left.'));
    expect(rig.standIn.dmsTo(ADMIN.id).map((m) => m.content)).toEqual(['Two questions left.']);
    expect(rig.standIn.dmsTo(OWNER.id).map((m) => m.content)).toEqual(['Two questions left.']);
    expect(rig.standIn.dmsTo(MEMBER.id)).toEqual([]);
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toEqual([]);
  });

  it('sends a private reply by DM when its interaction is gone (a restart, or 15 minutes later)', async () => {
    rig = await startRig();
    await rig.adapter.chat.send({ ...HERE, userId: `discord:${OTHER.id}`, replyRoute: 'discord-ix:1' }, note('Your grade.'));
    expect(rig.standIn.dmsTo(OTHER.id).map((m) => m.content)).toEqual(['Your grade.']);
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toEqual([]);
  });

  it('splits text longer than a message into several messages', async () => {
    rig = await startRig();
    const long = Array.from({ length: 300 }, (_, i) => `line ${i} of a long export`).join('\n');
    await rig.adapter.chat.send({ ...HERE, userId: `discord:${OTHER.id}`, dm: true }, note(long));
    const dms = rig.standIn.dmsTo(OTHER.id);
    expect(dms.length).toBeGreaterThan(1);
    expect(dms.every((m) => m.content.length <= 2000)).toBe(true);
    expect(dms.map((m) => m.content).join('\n')).toBe(long);
  });

  it('edits the post in place (a live answer count)', async () => {
    rig = await startRig();
    const ref = (await rig.adapter.chat.send(HERE, question()))!;
    await rig.adapter.chat.edit(HERE, ref, question({ answerCount: 5 }));
    const edits = rig.standIn.rest.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${CHANNEL_ID}/messages/`));
    expect(edits).toHaveLength(1);
    expect(visible(rig.standIn.messagesIn(CHANNEL_ID)[0])).toMatch(/Answers: 5 so far/);
  });

  it('names the permissions the bot lacks in a channel, and finds none missing where it has them', async () => {
    const guild = structuredClone(DEFAULT_GUILD);
    guild.channels.push({ id: '1200000000000000013', name: 'read-only', botDeny: PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.CreatePublicThreads });
    rig = await startRig({ standIn: { guilds: [guild] } });
    expect(await rig.adapter.chat.checkPermissions(HERE.channelId)).toEqual([]);
    expect(await rig.adapter.chat.checkPermissions(`discord:${GUILD_ID}:1200000000000000013`)).toEqual(['Embed Links', 'Create Public Threads']);
    expect((await rejection(rig.adapter.chat.checkPermissions(`discord:${GUILD_ID}:1200000000000000099`))).code).toBe('channel_gone');
  });

  it('holds a delivery asked for during start-up until the gateway is ready', async () => {
    let early: Promise<unknown> | null = null;
    rig = await startRig({ beforeStart: (adapter) => (early = adapter.chat.send(HERE, question())) });
    expect(await early).toMatch(new RegExp(`^${CHANNEL_ID}:\\d+$`));
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('refuses to deliver once stopped', async () => {
    rig = await startRig();
    await rig.adapter.stop();
    expect((await rejection(rig.adapter.chat.send(HERE, question()))).code).toBe('failed');
  });
});
