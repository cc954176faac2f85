import { afterEach, describe, expect, it } from 'vitest';
import { answerAndGrade, channelKey, command, dmsTo, submitView } from './play.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

const channelPosts = (r: Rig) => r.api.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);

describe('admins beyond workspace rights, through /prep', () => {
  it('lets members of a user group added with admins add use admin verbs; others are refused and nothing changes', async () => {
    rig = await startRig();
    rig.api.userGroups.set('SLEADS', ['UBOB']);
    expect(await command(rig, 'admins add <!subteam^SLEADS|@leads>', { user: 'UADMIN' })).toMatch(/Members of user group SLEADS may now use admin verbs/);

    expect(await command(rig, 'daily', { user: 'UALICE' })).toMatch(/Only admins can use \/prep daily/);
    expect(rig.app.store.rounds.listOpenRounds()).toEqual([]);
    expect(channelPosts(rig)).toEqual([]);

    expect(await command(rig, 'daily', { user: 'UBOB' })).toMatch(/Posted today's question/);
    const log = await command(rig, 'settings', { user: 'UADMIN' });
    expect(log).toMatch(/\d{2}:\d{2} [^:\n]+: admins add slack-group:SLEADS/);
    expect(log).toMatch(/\d{2}:\d{2} [^:\n]+: daily round \d+/);
  });

  it('takes a dispute from the Dispute button and modal to /prep disputes and /prep resolve, and tells the member', async () => {
    rig = await startRig();
    await command(rig, 'daily', { user: 'UADMIN' });
    const graded = await answerAndGrade(rig, 'attention weighs every token [score 3]');
    await rig.command('leaderboard all');
    await rig.until(() => channelPosts(rig!).some((c) => allText(c.body).match(/(alice|Alice Liddell): \*3\* pts/)));

    const value = (graded.blocks as { elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'prepbot_dispute')!.value;
    await rig.press('prepbot_dispute', value);
    await rig.until(() => rig!.api.callsTo('views.open').length === 2);
    const modal = rig.api.callsTo('views.open')[1]!.body.view as Record<string, unknown>;
    expect((await submitView(rig, modal, 'reason', 'I covered the second key point.')).json).toMatchObject({ response_action: 'update' });

    const open = await command(rig, 'disputes', { user: 'UADMIN' });
    expect(open).toMatch(/#1 from (alice|Alice Liddell), answer #\d+/);
    expect(open).toMatch(/Reason: I covered the second key point\./);
    expect(open).toMatch(/Answer: attention weighs every token/);
    expect(await command(rig, 'resolve 1 8 Fair point.', { user: 'UADMIN' })).toMatch(/Dispute #1 resolved: (alice|Alice Liddell)'s score is now 8\/10 \(was 3\/10\)/);

    await rig.until(() => dmsTo(rig!, 'UALICE').some((t) => t.includes('dispute #1')));
    expect(dmsTo(rig, 'UALICE').find((t) => t.includes('dispute #1'))).toMatch(/changed your score from 3\/10 to 8\/10.*Note: Fair point\./);
    await rig.command('leaderboard all', { user: 'UBOB' });
    await rig.until(() => channelPosts(rig!).some((c) => allText(c.body).match(/(alice|Alice Liddell): \*8\* pts/)));
    expect(channelPosts(rig).map((c) => allText(c.body)).join('\n')).not.toMatch(/second key point|weighs every token/);
  });

  it("DMs admin notices to listed users, members of listed user groups, ADMIN_USER_IDS and the workspace's admins and owners, once each", async () => {
    rig = await startRig();
    rig.api.userGroups.set('SLEADS', ['UALICE', 'UROOT']);
    await command(rig, 'admins add <@UBOB>', { user: 'UADMIN' });
    await command(rig, 'admins add <@UROOT>', { user: 'UADMIN' });
    await command(rig, 'admins add <!subteam^SLEADS>', { user: 'UADMIN' });

    // Three questions in the bank: posting the first warns that only two are left.
    await command(rig, 'daily', { user: 'UADMIN' });
    const warned = (u: string) => dmsTo(rig!, u).filter((t) => t.includes('unasked questions left'));
    await rig.until(() => ['UBOB', 'UALICE', 'UROOT', 'UADMIN'].every((u) => warned(u).length === 1));
    expect(warned('UOTHER')).toEqual([]); // in ADMIN_USER_IDS, but of another workspace
    expect(channelPosts(rig)).toHaveLength(1); // only the question
  });

  it('tells whoever scheduled the channel when the workspace set no ADMIN_USER_IDS and no admins add, even if Slack will not list its admins', async () => {
    rig = await startRig({ env: { ADMIN_USER_IDS: '' } });
    rig.api.failNext('users.list', { error: 'missing_scope' });
    expect(await command(rig, 'schedule 09:00 Europe/Berlin', { user: 'UADMIN' })).toMatch(/Scheduled: every weekday at 09:00 Europe\/Berlin/);
    await command(rig, 'daily', { user: 'UADMIN' });
    const warned = (u: string) => dmsTo(rig!, u).filter((t) => t.includes('unasked questions left'));
    await rig.until(() => warned('UADMIN').length === 1);
    expect(warned('UALICE')).toEqual([]);
    expect(rig.logs('warn')).not.toContainEqual(expect.stringMatching(/no admin of this workspace/));
  });
});

describe('what admins get privately on Slack', () => {
  it('uploads export as a CSV file into the admin’s DM, with scores and never answer text', async () => {
    rig = await startRig();
    await command(rig, 'daily', { user: 'UADMIN' });
    await answerAndGrade(rig, 'my secret phrase about attention [score 6]');
    await rig.command('export', { user: 'UADMIN' });
    await rig.until(() => rig!.api.callsTo('files.completeUploadExternal').length === 1);
    expect(rig.api.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'DADMIN' });
    const csv = rig.api.uploads.join('');
    expect(csv).toMatch(/user,channel,round_date,question_id,score,points,grader,graded_at/);
    expect(csv).toMatch(new RegExp(`\\n[a-zA-Z ]+,${CHANNEL},\\d{4}-\\d{2}-\\d{2},q\\d,6,6,scripted,`));
    expect(csv).not.toMatch(/secret phrase/);
    expect(channelPosts(rig).map((c) => allText(c.body)).join('\n')).not.toMatch(/scripted,/);
  });

  it('stores the ping role as slack-group:<id> and mentions it on the daily post only', async () => {
    rig = await startRig();
    expect(await command(rig, 'settings ping-role <!subteam^SLEADS|@leads>', { user: 'UADMIN' })).toMatch(/now mentions user group SLEADS/);
    expect(rig.app.store.channels.getChannel(channelKey())!.pingRole).toBe('slack-group:SLEADS');

    await command(rig, 'daily', { user: 'UADMIN' });
    const [post] = channelPosts(rig);
    expect(post!.body.text).toMatch(/^<!subteam\^SLEADS> /);
    expect(allText(post!.body.blocks)).toContain('<!subteam^SLEADS>');
    await answerAndGrade(rig, 'ping them all <!subteam^SLEADS> <!here> [score 7]');
    await command(rig, 'reveal', { user: 'UADMIN' });
    await rig.until(() => rig!.api.callsTo('chat.postMessage').some((c) => c.body.thread_ts !== undefined));

    // The post's own live-count updates keep its text; Slack does not notify again on an edit.
    const ofPost = (c: { method: string; body: Record<string, unknown> }) => c === post || (c.method === 'chat.update' && c.body.channel === CHANNEL);
    const everythingElse = [...rig.api.calls.filter((c) => !ofPost(c)).map((c) => c.body), ...rig.api.responses.map((r) => r.body)].map(allText).join('\n');
    expect(everythingElse).not.toMatch(/<!subteam\^|<!here>/);
  });
});
