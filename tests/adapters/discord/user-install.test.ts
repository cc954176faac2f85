/**
 * prepbot installed by a member for themselves (Discord's user install): `/prep` in the bot's DMs
 * (INTERACTION_CREATE without guild_id, with `user` instead of `member`, context 1) and in a server
 * that has no prepbot. Practice and the member's own figures work there; channel verbs say they
 * need the server install and how to add it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ANSWER_INPUT_ID } from '../../../src/adapters/discord/ids.js';
import { cmd } from '../../../src/core/command-text.js';
import { PERSONAL_VERBS } from '../../../src/adapters/discord/personal-verbs.js';
import type { Where } from '../../stand-ins/discord-payloads.js';
import { MEMBER } from '../../stand-ins/discord-stand-in.js';
import { replyOf, slashReply } from './play.js';
import { gradeIn, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
/** The member's DM channel with the bot. */
const DM: Partial<Where> = { guildId: null, channelId: '1600000000000000001' };
/** A server without prepbot, where the member uses their own install. */
const ELSEWHERE: Partial<Where> = { guildId: '1700000000000000001', channelId: '1700000000000000011', install: 'user' };
const OWN_SPACE = `discord:dm:${MEMBER.id}`;

let rig: Rig | null = null;
afterEach(async () => {
  if (rig) expect(rig.standIn.refusedCallbacks()).toEqual([]);
  await rig?.stop();
  rig = null;
});

describe('/prep in a member\'s own install', () => {
  it('practises in DMs: a private question, its Answer button and form, the grade in place, then stats and history of that practice', async () => {
    rig = await startRig();
    const quiz = rig.standIn.slash(MEMBER, 'quiz', { topic: 'topic-b' }, DM);
    const question = await rig.standIn.waitFor(() => quiz.original, 'the practice question');
    expect(quiz.channelId).toBe(DM.channelId);
    expect(question.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visible(question)).toMatch(/Practice question[\s\S]*Question q3\?/);

    const press = rig.standIn.press(MEMBER, question, question.components[0].components[0].custom_id, DM);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the answer form');
    const submit = rig.standIn.submit(MEMBER, modal.custom_id, { [ANSWER_INPUT_ID]: 'my practice answer [score 7]' }, DM);
    expect(visible(await rig.standIn.waitFor(() => gradeIn(submit), 'the grade'))).toMatch(/Score: 7\/10/);
    // Graded through the interaction, not a DM of the bot's own; stored in the member's own space.
    expect(rig.standIn.dmsTo(MEMBER.id)).toEqual([]);
    expect(rig.app.store.db.prepare('SELECT scope_id, channel_id, kind FROM answers').all()).toEqual([{ scope_id: OWN_SPACE, channel_id: OWN_SPACE, kind: 'practice' }]);

    expect(visible(await slashReply(rig, MEMBER, 'stats', {}, DM))).toMatch(/Practice: 1 answer, average 7\/10, 7 practice points/);
    expect(visible(await slashReply(rig, MEMBER, 'history', {}, DM))).toMatch(/practice: "Question q3\?"[\s\S]*Score: 7\/10/);
    // Nothing scheduled or announced there.
    expect(rig.app.store.channels.listChannels({ scheduled: true })).toEqual([]);
  });

  it('runs a mock interview in DMs: its questions privately, each answer graded in place', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'interview', { count: '2' }, DM);
    const intro = await rig.standIn.waitFor(() => replyOf(ix), 'the interview');
    expect(intro.content).toMatch(/^Mock interview: 2 questions, one at a time\. Answer each with \/prep answer/);
    const question = await rig.standIn.waitFor(() => ix.followups.find((m) => /Question q\d\?/.test(visible(m))), 'its first question');
    expect(question.flags & EPHEMERAL).toBe(EPHEMERAL);
    const answered = rig.standIn.slash(MEMBER, 'answer', { text: 'my interview answer [score 6]' }, DM);
    expect(visible(await rig.standIn.waitFor(() => gradeIn(answered), 'the grade'))).toMatch(/Score: 6\/10/);
    expect(rig.standIn.messagesIn(DM.channelId!)).toEqual([]);
  });

  it('answers channel verbs in DMs with what they need and how to add prepbot to a server, changing nothing', async () => {
    rig = await startRig();
    for (const verb of ['daily', 'leaderboard', 'schedule']) {
      const options: Record<string, string> = verb === 'schedule' ? { time: '09:00' } : {};
      const ix = rig.standIn.slash(MEMBER, verb, options, DM);
      const reply = await rig.standIn.waitFor(() => replyOf(ix), `the reply to /prep ${verb}`);
      expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(reply.content).toBe(
        `${cmd('discord', verb)} works in a channel of a server that has prepbot, not in your own install. To add prepbot to a server, someone with Manage Server opens prepbot's profile, chooses Add App, then Add to Server. Here you can practise on your own: /prep quiz, /prep interview, /prep stats and /prep history.`,
      );
    }
    expect(rig.app.store.db.prepare('SELECT COUNT(*) AS n FROM rounds').get()).toEqual({ n: 0 });
    expect(rig.standIn.messagesIn(DM.channelId!)).toEqual([]);
  });

  it('treats a server without prepbot as the member\'s own space: practice works there, channel verbs point to the server install', async () => {
    rig = await startRig();
    const quiz = await slashReply(rig, MEMBER, 'quiz', {}, ELSEWHERE);
    expect(visible(quiz)).toMatch(/Practice question/);
    expect(rig.app.store.db.prepare('SELECT scope_id FROM practice_prompts').all()).toEqual([{ scope_id: OWN_SPACE }]);
    expect((await slashReply(rig, MEMBER, 'daily', {}, ELSEWHERE)).content).toMatch(/^\/prep admin daily works in a channel of a server that has prepbot/);
    expect(rig.standIn.messagesIn(ELSEWHERE.channelId!)).toEqual([]);
  });

  it('keeps the verbs of a personal install in one list', () => {
    expect(PERSONAL_VERBS).toEqual(['quiz', 'hint', 'answer', 'interview', 'pass', 'stats', 'history', 'topics', 'privacy', 'help']);
  });
});
