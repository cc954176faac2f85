import { afterEach, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { ADMIN, CHANNEL_ID, DEFAULT_GUILD, MEMBER, OTHER } from '../../stand-ins/discord-stand-in.js';
import { gradeIn, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
let rig: Rig | null = null;

afterEach(async () => {
  if (rig) expect(rig.standIn.refusedCallbacks()).toEqual([]);
  await rig?.stop();
  rig = null;
});

describe('/prep slash commands', () => {
  it('answers a command privately with an ephemeral reply', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'help');
    const reply = await rig.standIn.waitFor(() => ix.original, 'the help reply');
    expect(ix.callbacks[0]?.type).toBe(4);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('leaderboard');
  });

  it('shows /prep stats with daily and practice apart and the rule a streak follows', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'stats');
    const reply = await rig.standIn.waitFor(() => ix.original, 'the stats');
    expect(visible(reply)).toMatch(/Daily: 0 points; no graded daily answers yet/);
    expect(visible(reply)).toMatch(/Practice: 0 answers, 0 practice points, 0 due for review/);
    expect(visible(reply)).toMatch(/Streak: 0 \(best 0\): rounds in a row answered with a score of 6 or more/);
  });

  it('refuses an admin verb to a member without Manage Server, privately, and changes nothing', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'schedule', { time: '09:00', zone: 'Europe/Berlin' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the refusal');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/Only admins can use \/prep admin schedule/);
    expect(rig.app.store.channels.listChannels({ scheduled: true })).toEqual([]);
  });

  it('lets a member with Manage Server schedule, turning the typed options into the core arguments', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(ADMIN, 'schedule', { days: 'daily', zone: 'Europe/Berlin', time: '09:00' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the confirmation');
    expect(reply.content).toMatch(/every day at 09:00 Europe\/Berlin/);
    const channel = rig.app.store.channels.getChannel(`discord:${rig.standIn.guilds[0]!.id}:${CHANNEL_ID}`);
    expect(channel).toMatchObject({ postTime: '09:00', timezone: 'Europe/Berlin', days: 'daily' });
  });

  it('treats a user listed in ADMIN_USER_IDS as an admin without Manage Server', async () => {
    rig = await startRig({ env: { ADMIN_USER_IDS: MEMBER.id } });
    const ix = rig.standIn.slash(MEMBER, 'unschedule');
    const reply = await rig.standIn.waitFor(() => ix.original, 'the reply');
    expect(reply.content).not.toMatch(/Only admins/);
  });

  it('lets an admin pick a role with admins add, whose members then count as admins', async () => {
    rig = await startRig();
    const refused = rig.standIn.slash(MEMBER, 'pause');
    expect((await rig.standIn.waitFor(() => refused.original, 'the refusal')).content).toMatch(/Only admins/);
    const add = rig.standIn.slash(ADMIN, 'admins', { action: 'add', target: { role: { id: MEMBER.roles![0]!, name: 'cohort-7' } } });
    expect((await rig.standIn.waitFor(() => add.original, 'the confirmation')).content).not.toMatch(/not a Discord user or role/);
    const allowed = rig.standIn.slash(MEMBER, 'pause');
    expect((await rig.standIn.waitFor(() => allowed.original, 'the reply')).content).not.toMatch(/Only admins/);
  });

  it('names the permission the bot lacks when asked to post where it cannot', async () => {
    const guild = structuredClone(DEFAULT_GUILD);
    guild.channels.push({ id: '1200000000000000013', name: 'no-embeds', botDeny: PermissionFlagsBits.EmbedLinks });
    rig = await startRig({ standIn: { guilds: [guild] } });
    const ix = rig.standIn.slash(ADMIN, 'daily', {}, { channelId: '1200000000000000013' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the refusal');
    expect(reply.content).toMatch(/missing Embed Links/);
    expect(rig.standIn.messagesIn('1200000000000000013')).toEqual([]);
  });

  it('rejects an invalid time zone with an ephemeral explanation', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(ADMIN, 'schedule', { time: '09:00', zone: 'Mars/Olympus_Mons' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the error');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/"Mars\/Olympus_Mons" is not an IANA time zone/);
    expect(rig.app.store.channels.listChannels({ scheduled: true })).toEqual([]);
  });

  it('shows a leaderboard to the whole channel (not ephemeral)', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(MEMBER, 'leaderboard', { period: 'month' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the leaderboard');
    expect(reply.flags & EPHEMERAL).toBe(0);
    expect(visible(reply)).toMatch(/Leaderboard, this month/);
  });

  it('offers IANA zones matching what is typed', async () => {
    rig = await startRig();
    const ix = rig.standIn.autocomplete(ADMIN, 'schedule', { time: '09:00', zone: 'berl' }, 'zone');
    const choices = await rig.standIn.waitFor(() => ix.choices, 'zone choices');
    expect(ix.callbacks[0]?.type).toBe(8);
    expect(choices.map((c: { value: string }) => c.value)).toContain('Europe/Berlin');
  });

  it("offers the content's topics for quiz and interview", async () => {
    rig = await startRig();
    for (const verb of ['quiz', 'interview']) {
      const ix = rig.standIn.autocomplete(MEMBER, verb, { topic: 'topic' }, 'topic');
      const choices = await rig.standIn.waitFor(() => ix.choices, 'topic choices');
      expect(choices.map((c: { value: string }) => c.value)).toEqual(['topic-a', 'topic-b']);
    }
  });

  it('gives a practice question privately, with its own Answer button', async () => {
    rig = await startRig();
    const ix = rig.standIn.slash(OTHER, 'quiz', { topic: 'topic-b' });
    const reply = await rig.standIn.waitFor(() => ix.original, 'the practice question');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visible(reply)).toMatch(/Practice question[\s\S]*Question q3\?/);
    expect(reply.components[0].components[0].custom_id).toMatch(/^answer:practice:\d+$/);
  });

  it('answers /prep answer with an acknowledgement, then puts the grade in its place', async () => {
    rig = await startRig();
    const daily = rig.standIn.slash(ADMIN, 'daily');
    await rig.standIn.waitFor(() => daily.original, 'the daily reply');
    const ix = rig.standIn.slash(MEMBER, 'answer', { text: 'typed straight into the command [score 6]' });
    const graded = await rig.standIn.waitFor(() => gradeIn(ix), 'the grade');
    expect(ix.callbacks).toEqual([expect.objectContaining({ type: 4, data: expect.objectContaining({ content: expect.stringMatching(/^Answer saved/), flags: EPHEMERAL }) })]);
    expect(visible(graded)).toMatch(/Score: 6\/10/);
  });

  it('defers a slow command ephemerally within the window, then fills the reply in', async () => {
    rig = await startRig({ adapter: { deferAfterMs: 0 } });
    const ix = rig.standIn.slash(ADMIN, 'daily');
    await rig.standIn.waitFor(() => ix.original?.edits, 'the edited deferred reply');
    expect(ix.callbacks.map((c) => c.type)).toEqual([5]);
    expect(ix.callbacks[0]?.data.flags).toBe(EPHEMERAL);
    expect(ix.original?.content).toMatch(/Posted today's question/);
  });
});
