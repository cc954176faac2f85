import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

describe('/prep over HTTP', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  /** Posts in the channel (admin notices go to DMs). */
  const posts = () => rig.api.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);

  it('turns /prep with no verb into help, ephemeral to the caller', async () => {
    const { responseId } = await rig.command('');
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(rig.responses(responseId)[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(rig.responses(responseId))).toMatch(/daily/);
  });

  it('refuses an admin verb to a member, after asking Slack, and posts nothing', async () => {
    const { responseId } = await rig.command('daily', { user: 'UBOB', userName: 'bob' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(rig.api.callsTo('users.info').map((c) => c.body.user)).toEqual(['UBOB']);
    expect(rig.responses(responseId)[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(rig.responses(responseId))).toMatch(/Only admins can use \/prep daily/);
    expect(posts()).toHaveLength(0);
    expect(rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)).toBeNull();
  });

  it('lets a workspace admin post the daily question as Block Kit with an Answer button naming the round', async () => {
    const { responseId } = await rig.command('daily', { user: 'UADMIN', userName: 'ada' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/Posted today's question/);
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!.body;
    expect(post.channel).toBe(CHANNEL);
    const round = rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)!;
    const blocks = post.blocks as { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string; text?: string | { text: string } }[] }[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Question of the day' } });
    expect(allText(blocks)).toContain(rig.app.bot.deps.content.get(round.questionId)!.prompt);
    expect(allText(blocks)).toMatch(/Topic: \*topic-[ab]\*.*Difficulty: \*easy\*/);
    expect(allText(blocks)).toMatch(/0 answered so far/);
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements?.[0]).toMatchObject({ action_id: 'prepbot_answer', value: `round:${round.id}` });
    expect(post.text).toMatch(/Question of the day/);
    // The ref the core keeps is channel + ts, for chat.update and the summary thread.
    expect(round.messageRef).toMatch(new RegExp(`^${CHANNEL}:\\d+\\.\\d+$`));
  });

  it('gives ADMIN_USER_IDS admin rights without workspace rights, and caches what users.info said', async () => {
    const first = await rig.command('daily', { user: 'UROOT', userName: 'root' });
    await rig.until(() => rig.responses(first.responseId).length === 1);
    expect(posts()).toHaveLength(1);
    const a = await rig.command('reveal', { user: 'UADMIN' });
    await rig.until(() => rig.responses(a.responseId).length === 1);
    const b = await rig.command('unschedule', { user: 'UADMIN' });
    await rig.until(() => rig.responses(b.responseId).length === 1);
    expect(rig.api.callsTo('users.info').filter((c) => c.body.user === 'UADMIN')).toHaveLength(1);
  });

  it('gives admin rights to the members of a user group an admin added, asking Slack for the groups', async () => {
    rig.api.userGroups.set('SLEADS', ['UBOB']);
    const added = await rig.command('admins add <!subteam^SLEADS|@leads>', { user: 'UADMIN' });
    await rig.until(() => rig.responses(added.responseId).length === 1);
    expect(allText(rig.responses(added.responseId))).toMatch(/user group SLEADS/);
    const { responseId } = await rig.command('daily', { user: 'UBOB', userName: 'bob' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/Posted today's question/);
    expect(rig.api.callsTo('usergroups.list')[0]!.body).toMatchObject({ include_users: 'true', team_id: 'T1' });
    // Verbs anyone may use do not ask for groups.
    const stats = await rig.command('stats', { user: 'UBOB' });
    await rig.until(() => rig.responses(stats.responseId).length === 1);
    expect(rig.api.callsTo('usergroups.list')).toHaveLength(1);
  });

  it('delivers the CSV of export as a file in the admin’s DM, not in the channel', async () => {
    const { responseId } = await rig.command('export', { user: 'UADMIN' });
    await rig.until(() => rig.api.callsTo('files.completeUploadExternal').length === 1);
    expect(rig.api.callsTo('conversations.open')[0]!.body.users).toBe('UADMIN');
    expect(rig.api.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'DADMIN' });
    expect(rig.api.uploads.join('')).toMatch(/user/);
    expect(rig.responses(responseId)).toHaveLength(0);
    expect(posts()).toHaveLength(0);
  });

  it('posts a public reply (leaderboard) in the channel and private ones ephemerally', async () => {
    const { responseId } = await rig.command('leaderboard all');
    await rig.until(() => posts().length === 1);
    expect(allText(posts()[0]!.body.blocks)).toMatch(/Leaderboard, all time/);
    const stats = await rig.command('stats');
    await rig.until(() => rig.responses(stats.responseId).length === 1);
    expect(rig.responses(stats.responseId)[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(rig.responses(responseId)).toHaveLength(0);
  });

  it('says in a sentence why the daily post failed when the bot is not in the channel', async () => {
    rig.api.failNext('chat.postMessage', { error: 'not_in_channel' });
    const { responseId } = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/could not post it here: prepbot is not a member of this channel\. Invite it with \/invite @prepbot/);
  });

  it('checks before scheduling that prepbot is in the channel, and says how to fix it', async () => {
    rig.api.channels.set('C9', { member: false });
    const { responseId } = await rig.command('schedule 09:00 Europe/Berlin', { user: 'UADMIN', channel: 'C9' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/missing channel membership \(invite it with \/invite @prepbot\)/);
    expect(rig.api.callsTo('conversations.info').map((c) => c.body.channel)).toEqual(['C9']);
    rig.api.channels.set('C8', { member: true, archived: true });
    const archived = await rig.command('daily', { user: 'UADMIN', channel: 'C8' });
    await rig.until(() => rig.responses(archived.responseId).length === 1);
    expect(allText(rig.responses(archived.responseId))).toMatch(/archived/);
    expect(rig.api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C8' || c.body.channel === 'C9')).toHaveLength(0);
  });

  it('ignores a retried /prep daily (x-slack-retry-num): one post, one reply', async () => {
    const first = await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.responses(first.responseId).length === 1);
    const retry = await rig.send(first.body, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await rig.until(() => rig.logs('info').includes('ignored a repeated delivery'));
    expect(posts()).toHaveLength(1);
    expect(rig.responses(first.responseId)).toHaveLength(1);
    expect(rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)).not.toBeNull();
  });

  it('handles, once, a retried command whose first delivery never arrived (lost with a crash)', async () => {
    await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => posts().length === 1);
    const lost = await rig.command('reveal', { user: 'UADMIN', retryNum: 2, trigger: 'trigger.lost' });
    await rig.until(() => rig.responses(lost.responseId).length === 1);
    expect(rig.app.store.rounds.getOpenRound(`slack:T1:${CHANNEL}`)).toBeNull();
    const again = await rig.send(lost.body, { retryNum: 3 });
    expect(again.status).toBe(200);
    await rig.until(() => rig.logs('info').filter((m) => m === 'ignored a repeated delivery').length === 1);
    expect(rig.responses(lost.responseId)).toHaveLength(1);
  });

  it('answers a read-only verb even on a retry Slack makes', async () => {
    const { responseId } = await rig.command('topics', { retryNum: 1 });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId))).toMatch(/topic-a/);
  });
});
