import { describe, expect, it, vi } from 'vitest';
import type { CoachWriter, Grader } from '../../src/core/ports.js';
import { ScriptedGrader } from '../fakes/scripted-grader.js';
import { harness, OTHER_CHANNEL, PLACE, textOf } from '../fakes/harness.js';
import { bank, question } from '../fakes/questions.js';

const grades = (h: ReturnType<typeof harness>, user = 'ann') => h.chat.of('grade').filter((s) => s.target.userId === `discord:${user}`).map((s) => s.reply);

describe('follow-up questions', () => {
  it("end a weak answer's grade with one question on its weakest key point, from the content's follow_ups", async () => {
    const content = bank([question('q1', { followUps: { 3: 'What does point three change?' } })]);
    const h = harness({ content });
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'half of it [score 5]');
    const [grade] = grades(h);
    // Two of four covered: points three and four were missed, three comes first.
    expect(grade!.followUp).toEqual({ answerRef: expect.stringMatching(/^followup:\d+$/), prompt: 'What does point three change?', how: expect.stringMatching(/\/prep answer <your answer>.*\/prep pass/) });
    expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)).toMatchObject({ point: 3, origin: 'content', status: 'open' });
  });

  it('are graded against their one key point and its part of the reference, as practice', async () => {
    const h = harness();
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'weak [score 2]');
    const followUp = h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)!;
    expect(followUp.origin).toBe('template');
    // One of four covered: point two is the first missed.
    expect(followUp.prompt).toMatch(/left out this key point: ".* point two"/);
    const [ack] = await h.answer('ann', 'the point two idea [score 10]');
    expect(textOf([ack!])).toMatch(/Follow-up answer received/);
    const req = h.grader.calls.at(-1)!;
    expect(req.keyPoints).toEqual([{ text: `${followUp.pointText}`, weight: 1 }]);
    expect(req.question).toBe(followUp.prompt);
    const second = grades(h)[1]!;
    expect(second).toMatchObject({ score: 10, mode: 'practice', points: 0, disputable: false, questionPrompt: followUp.prompt, covered: [followUp.pointText] });
    expect(second.followUp).toBeUndefined();
    expect(second.notes.join(' ')).toMatch(/Follow-up on key point 2/);
    expect(h.store.followUps.getFollowUp(followUp.id)?.status).toBe('answered');
    // The follow-up's grade is a review like any other: the question now has two.
    expect(h.bot.practice.cards('discord:ann', PLACE.scopeId).get(followUp.questionId)?.reviews).toBe(2);
    expect(h.store.figures.rankOf('discord:ann', PLACE.scopeId, null, 'all')).toBeNull();
  });

  it('close with pass, and pass without one says so', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'pass'))).toMatch(/no open follow-up question to pass/);
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'weak [score 2]');
    expect(textOf(await h.cmd('ann', 'pass'))).toMatch(/Follow-up passed/);
    expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)).toBeNull();
    expect(textOf(await h.cmd('ann', 'answer more words'))).toMatch(/no open question/);
  });

  it('are not asked after a full answer, on a follow-up, or in a channel that set them off', async () => {
    const h = harness();
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'all of it [score 10]');
    expect(grades(h)[0]!.followUp).toBeUndefined();
    await h.cmd('admin', 'settings follow-ups off');
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'weak [score 2]');
    expect(grades(h)[1]!.followUp).toBeUndefined();
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/Follow-ups: off/);
  });

  it('never name a key point while the rubric is hidden', async () => {
    const h = harness({ content: bank([question('q1')]) });
    await h.cmd('ann', 'quiz');
    const prompt = h.store.practice.latestOpenPractice('discord:ann', PLACE.scopeId)!;
    // The same question becomes today's in another channel before ann answers her practice one.
    await h.cmd('admin', 'daily', OTHER_CHANNEL);
    await h.answer('ann', 'early [score 2]', { ref: `practice:${prompt.id}` });
    expect(grades(h)[0]!.missed[0]).toMatch(/^Key idea/);
    expect(grades(h)[0]!.followUp).toBeUndefined();
  });

  it("are written by the model from the key point and the member's answer when there is one, else from the content", async () => {
    const asked: unknown[] = [];
    const coach: CoachWriter = {
      id: 'llm:test',
      async followUp(req) {
        asked.push(req);
        return 'You said "weak". What happens to point one when <@everyone> scales?';
      },
      async commonMistake() {
        return null;
      },
    };
    const h = harness({ coach });
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'weak [score 2]');
    expect(asked[0]).toMatchObject({ keyPoint: expect.stringMatching(/point two$/), answer: 'weak [score 2]', verdict: 'missed' });
    expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)).toMatchObject({ origin: 'llm', prompt: 'You said "weak". What happens to point one when everyone scales?' });
    coach.followUp = async () => {
      throw new Error('server down');
    };
    await h.cmd('ann', 'pass');
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'weak again [score 2]');
    expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)?.origin).toBe('template');
  });

  it('come from the content while other answers wait to be graded, so the model grades first', async () => {
    const coach: CoachWriter = { id: 'llm:test', followUp: async () => 'What would the model ask?', commonMistake: async () => null };
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const scripted = new ScriptedGrader();
    // Ann's answer is graded at once; the others wait, as a busy model server would make them.
    const grader: Grader = { id: 'scripted', version: '1', grade: async (req) => (req.answer.startsWith('first') ? scripted.grade(req) : held.then(() => scripted.grade(req))) };
    const h = harness({ coach, grader });
    await h.cmd('admin', 'daily');
    for (const [who, text] of [['ann', 'first, weak [score 2]'], ['bob', 'second, weak [score 2]']]) {
      await h.bot.handle({ type: 'answer', place: PLACE, actor: { id: `discord:${who}`, platformId: who!, name: who! }, text: text! });
    }
    await vi.waitFor(() => expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)).not.toBeNull());
    release();
    await h.settle();
    expect(h.store.followUps.openFollowUp('discord:ann', PLACE.scopeId)!.origin).toBe('template');
    expect(h.store.followUps.openFollowUp('discord:bob', PLACE.scopeId)!.origin).toBe('llm');
  });
});
