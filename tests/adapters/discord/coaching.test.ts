import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL_ID, MEMBER, OTHER } from '../../stand-ins/discord-stand-in.js';
import { pngSize } from '../png.js';
import { answerAndGrade, postDaily, slashReply } from './play.js';
import { buttonLabelled, gradeIn, startRig, visible, type Rig } from './rig.js';

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.stop();
  rig = null;
});

describe('coaching on Discord', () => {
  it('ends a weak grade with a follow-up whose button opens its modal; its answer gets a second grade on that key point', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    const graded = await answerAndGrade(rig, MEMBER, post, 'Half of it [score 5]');
    expect(visible(graded)).toMatch(/Follow-up question[\s\S]*\/prep answer <your answer> \(or the button\), or skip it with \/prep pass/);
    const press = rig.standIn.press(MEMBER, graded, buttonLabelled(graded, 'Answer the follow-up').custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the follow-up modal');
    expect(modal.title).toBe('Follow-up question');
    const submit = rig.standIn.submit(MEMBER, modal.custom_id, { answer: 'The missing point [score 10]' });
    const second = await rig.standIn.waitFor(() => gradeIn(submit), 'the follow-up grade');
    expect(visible(second)).toMatch(/Score: 10\/10[\s\S]*Follow-up on key point 3/);
    expect(second.components ?? []).toEqual([]);
  });

  it('takes /prep pass and runs a 3-question /prep interview to its report card', async () => {
    rig = await startRig();
    expect(visible(await slashReply(rig, MEMBER, 'pass'))).toMatch(/no open follow-up question/);
    const start = rig.standIn.slash(MEMBER, 'interview', { count: '3' });
    await rig.standIn.waitFor(() => start.original && start.followups.length >= 1 ? start : null, 'the first interview question');
    expect(visible(start.original)).toMatch(/Mock interview: 3 questions/);
    let question = start.followups[0]!;
    for (let n = 1; n <= 3; n++) {
      expect(visible(question)).toMatch(new RegExp(`Interview question ${n} of 3`));
      const press = rig.standIn.press(MEMBER, question, buttonLabelled(question, 'Answer').custom_id);
      const modal = await rig.standIn.waitFor(() => press.modal, 'the answer modal');
      const submit = rig.standIn.submit(MEMBER, modal.custom_id, { answer: `answer ${n} [score 10]` });
      await rig.standIn.waitFor(() => gradeIn(submit), 'the grade');
      // Full marks: no follow-up, so the next question (or the report card) follows the grade.
      const next = await rig.standIn.waitFor(() => submit.followups[0] ?? null, 'what follows the grade');
      expect(next.flags & 64).toBe(64);
      question = next;
    }
    expect(visible(question)).toMatch(/Mock interview: report card[\s\S]*10\/10[\s\S]*Due for review/);
  });

  it('posts the digest with its chart as an attachment shown in the embed, once a week', async () => {
    rig = await startRig();
    const post = await postDaily(rig);
    await answerAndGrade(rig, MEMBER, post, 'An answer [score 7]');
    expect(visible(await slashReply(rig, ADMIN, 'digest'))).toMatch(/Posted the weekly digest/);
    const digest = rig.standIn.messagesIn(CHANNEL_ID).find((m) => /Weekly digest/.test(visible(m)))!;
    expect(digest.embeds[0].image.url).toBe(`attachment://${digest.attachments[0]!.filename}`);
    expect(pngSize(digest.attachments[0]!.bytes)).toEqual({ width: 900, height: 450 });
    expect(visible(await slashReply(rig, ADMIN, 'digest'))).toMatch(/was posted here on/);
    expect(rig.standIn.messagesIn(CHANNEL_ID).filter((m) => /Weekly digest/.test(visible(m)))).toHaveLength(1);
  });

  it("quotes the best answer of a member who set showcase on in the summary's thread, never another's", async () => {
    rig = await startRig();
    expect(visible(await slashReply(rig, OTHER, 'showcase', { mode: 'on' }))).toMatch(/Showcase on/);
    const post = await postDaily(rig);
    await answerAndGrade(rig, MEMBER, post, 'Ada says @everyone it all [score 10]');
    await answerAndGrade(rig, OTHER, post, 'Grace explains **it** well [score 8]');
    await slashReply(rig, ADMIN, 'reveal');
    const thread = await rig.standIn.waitFor(() => (rig!.standIn.threadOn(post.id)?.messages.length ?? 0) >= 2 ? rig!.standIn.threadOn(post.id) : null, 'the summary');
    const text = thread.messages.map(visible).join('\n');
    expect(text).toMatch(/missed by \d of 2/);
    expect(text).toMatch(/Best answer shared by Grace \(8\/10\)[\s\S]*Grace explains \\\*\\\*it\\\*\\\* well/);
    expect(text).not.toMatch(/Ada says/);
    expect(thread.messages.every((m) => (m.embeds[0]?.description ?? '').length <= 4096)).toBe(true);
  });
});
