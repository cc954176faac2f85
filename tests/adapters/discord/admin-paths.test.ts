import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL_ID, MEMBER, OTHER, OWNER } from '../../stand-ins/discord-stand-in.js';
import { answerAndGrade, channelKey, postDaily, slashReply } from './play.js';
import { buttonLabelled, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
const COHORT = { role: { id: MEMBER.roles![0]!, name: 'cohort-7' } };
let rig: Rig | null = null;

afterEach(async () => {
  if (rig) expect(rig.standIn.refusedCallbacks()).toEqual([]);
  await rig?.stop();
  rig = null;
});

describe('admins beyond Manage Server, through /prep', () => {
  it('lets members of a role added with admins add use admin verbs; others are refused and nothing changes', async () => {
    rig = await startRig();
    const added = await slashReply(rig, ADMIN, 'admins', { action: 'add', target: COHORT });
    expect(added.content).toBe(`Members of role ${COHORT.role.id} may now use admin verbs in this server.`);

    const refused = await slashReply(rig, OTHER, 'daily');
    expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toMatch(/^Only admins can use \/prep admin daily/);
    expect(rig.app.store.rounds.listOpenRounds()).toEqual([]);
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toEqual([]);

    expect((await slashReply(rig, MEMBER, 'daily')).content).toMatch(/^Posted today's question/);
    expect(rig.app.store.rounds.listOpenRounds()).toHaveLength(1);
    const log = (await slashReply(rig, ADMIN, 'settings')).content;
    expect(log).toMatch(new RegExp(`Team Lead: admins add discord-role:${COHORT.role.id}`));
    expect(log).toMatch(/Ada: daily round \d+/);
  });

  it('takes a dispute from the Dispute button to /prep disputes and /prep resolve, updating the leaderboard and telling the member', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const graded = await answerAndGrade(rig, MEMBER, post, 'attention weighs every token [score 3]');
    expect(visible(await slashReply(rig, OTHER, 'leaderboard', { period: 'all' }))).toMatch(/Ada: 3 pts/);

    const press = rig.standIn.press(MEMBER, graded, buttonLabelled(graded, 'Dispute').custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the dispute modal');
    const sent = rig.standIn.submit(MEMBER, modal.custom_id, { reason: 'I covered the second key point.' });
    await rig.standIn.waitFor(() => sent.original?.edits, 'the dispute confirmation');

    const open = await slashReply(rig, ADMIN, 'disputes');
    expect(open.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(open.content).toMatch(/#1 from Ada/);
    expect(open.content).toMatch(/Grade: 3\/10 by scripted/);
    expect(open.content).toMatch(/Reason: I covered the second key point\./);
    expect(open.content).toMatch(/Answer: attention weighs every token/);

    const resolved = await slashReply(rig, ADMIN, 'resolve', { dispute: '1', score: '8', note: 'Fair point.' });
    expect(resolved.content).toMatch(/Dispute #1 resolved: Ada's score is now 8\/10 \(was 3\/10\)/);
    expect(visible(await slashReply(rig, OTHER, 'leaderboard', { period: 'all' }))).toMatch(/Ada: 8 pts/);
    const told = await rig.standIn.waitFor(() => rig!.standIn.dmsTo(MEMBER.id).find((m) => m.content.includes('dispute #1')), "the member's DM");
    expect(told.content).toMatch(/changed your score from 3\/10 to 8\/10.*Note: Fair point\./);
    expect(rig.standIn.messagesIn(CHANNEL_ID).map(visible).join('\n')).not.toMatch(/second key point|weighs every token/);
  });

  it('DMs admin notices to listed users, seen members of listed roles, ADMIN_USER_IDS in the server and the owner, once each', async () => {
    rig = await startRig({ env: { ADMIN_USER_IDS: `${ADMIN.id},1999999999999999999` } });
    await slashReply(rig, ADMIN, 'admins', { action: 'add', target: { user: OTHER } });
    await slashReply(rig, ADMIN, 'admins', { action: 'add', target: { user: ADMIN } });
    await slashReply(rig, ADMIN, 'admins', { action: 'add', target: COHORT });
    await slashReply(rig, MEMBER, 'help'); // discord.js has now seen MEMBER, who holds the role

    // Three questions in the bank: posting the first warns that only two are left.
    await postDaily(rig);
    const warned = (id: string) => rig!.standIn.dmsTo(id).filter((m) => m.content.includes('unasked questions left'));
    await rig.standIn.waitFor(() => [OWNER, ADMIN, OTHER, MEMBER].every((u) => warned(u.id).length === 1), 'the notice to every admin');
    for (const u of [OWNER, ADMIN, OTHER, MEMBER]) expect(warned(u.id)).toHaveLength(1);
    const opened = rig.standIn.rest.requests.filter((q) => q.path === '/users/@me/channels').map((q) => q.body.recipient_id);
    expect(opened).not.toContain('1999999999999999999');
    expect(rig.standIn.messagesIn(CHANNEL_ID)).toHaveLength(1); // only the question itself
  });
});

describe('what admins get privately', () => {
  it('gives export as an ephemeral CSV attachment, with scores and never answer text', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    await answerAndGrade(rig, MEMBER, post, 'my secret phrase about attention [score 6]');
    const reply = await slashReply(rig, ADMIN, 'export');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/1 graded answer/);
    const [file, ...more] = reply.attachments;
    expect(more).toEqual([]);
    expect(file!.filename).toMatch(/^prepbot-scores-discord-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file!.content.split(/\r?\n/)[0]).toBe('user,channel,round_date,question_id,score,points,grader,graded_at');
    expect(file!.content).toMatch(new RegExp(`Ada,${CHANNEL_ID},\\d{4}-\\d{2}-\\d{2},q\\d,6,6,scripted,`));
    expect(file!.content).not.toMatch(/secret phrase/);
    expect(rig.standIn.messagesIn(CHANNEL_ID).flatMap((m) => m.attachments)).toEqual([]);
  });

  it("stores the ping role as discord-role:<id> and mentions it on the daily post only; everything else allows no mention", async () => {
    rig = await startRig({ options: { liveCountIntervalMs: 50 } });
    const set = await slashReply(rig, ADMIN, 'settings', { key: 'ping-role', value: `<@&${COHORT.role.id}>` });
    expect(set.content).toMatch(/now mentions role 1500000000000000001/);
    expect(rig.app.store.channels.getChannel(channelKey())!.pingRole).toBe(`discord-role:${COHORT.role.id}`);

    const post = await postDaily(rig);
    const ping = post.content;
    expect(ping).toBe(`<@&${COHORT.role.id}>`);
    expect(post.allowedMentions).toEqual({ parse: [], roles: [COHORT.role.id] });
    await answerAndGrade(rig, MEMBER, post, '<@&1500000000000000001> @everyone [score 7]');
    await slashReply(rig, ADMIN, 'reveal');
    await rig.standIn.waitFor(() => rig!.standIn.threadOn(post.id)?.messages[0], 'the summary');

    const bodies = rig.standIn.rest.requests
      .filter((q) => q.method !== 'GET' && q.body && typeof q.body === 'object')
      .map((q) => ({ path: q.path, data: q.body.type !== undefined && q.body.data ? q.body.data : q.body }))
      .filter((b) => 'content' in b.data || 'embeds' in b.data);
    const others = bodies.filter((b) => !(b.path === `/channels/${CHANNEL_ID}/messages` && b.data.content === ping));
    expect(others.length).toBeGreaterThan(4);
    for (const b of others) expect({ path: b.path, allowed: b.data.allowed_mentions }).toEqual({ path: b.path, allowed: { parse: [] } });
  });
});
