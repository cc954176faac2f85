import { describe, expect, it } from 'vitest';
import type { QuestionReply } from '../../src/core/replies.js';
import { ratingFor } from '../../src/core/practice.js';
import { Rating } from 'ts-fsrs';
import { bank, question } from '../fakes/questions.js';
import { harness, PLACE, textOf } from '../fakes/harness.js';

const DAY = 86_400_000;

async function quiz(h: ReturnType<typeof harness>, who: string, topic = '') {
  const [reply] = await h.cmd(who, `quiz ${topic}`.trim());
  return reply as QuestionReply;
}

describe('practice', () => {
  it('maps scores to FSRS ratings', () => {
    expect([0, 3, 4, 5, 6, 8, 9, 10].map(ratingFor)).toEqual([
      Rating.Again, Rating.Again, Rating.Hard, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy, Rating.Easy,
    ]);
  });

  it('brings a poorly answered question back sooner than a well answered one', async () => {
    const h = harness();
    const first = await quiz(h, 'ann');
    await h.answer('ann', 'weak [score 2]');
    const second = await quiz(h, 'ann');
    expect(second.questionId).not.toBe(first.questionId);
    await h.answer('ann', 'strong [score 10]');
    const cards = h.bot.practice.cards('discord:ann', PLACE.scopeId);
    expect(cards.get(first.questionId)!.due).toBeLessThan(cards.get(second.questionId)!.due);
    h.clock.advance(2 * DAY);
    expect(h.bot.practice.dueCount('discord:ann', PLACE.scopeId)).toBe(1);
    await quiz(h, 'ann'); // the third question is new, but the weak one is due first
    expect(h.store.practice.latestOpenPractice('discord:ann', PLACE.scopeId)!.questionId).toBe(first.questionId);
  });

  it('offers new questions from the weakest topic first', async () => {
    const content = bank([
      question('a1', { topic: 'alpha' }), question('a2', { topic: 'alpha' }),
      question('b1', { topic: 'beta' }), question('b2', { topic: 'beta' }),
    ]);
    const h = harness({ content });
    h.store.channels.ensureChannel(PLACE, { timezone: 'UTC' });
    await quiz(h, 'ann', 'alpha');
    await h.answer('ann', 'great [score 10]');
    await quiz(h, 'ann', 'beta');
    await h.answer('ann', 'poor [score 4]');
    const next = await quiz(h, 'ann');
    expect(next.topic).toBe('beta');
  });

  it('keeps to the topic asked for and names the topics when it is unknown', async () => {
    const h = harness();
    for (let i = 0; i < 3; i += 1) {
      expect((await quiz(h, 'ann', 'topic-b')).topic).toBe('topic-b');
    }
    expect(textOf(await h.cmd('ann', 'quiz cooking'))).toMatch(/no topic or pack "cooking"\. Topics: topic-a, topic-b\. \/prep topics lists them by pack\./);
  });

  it('is private', async () => {
    const h = harness();
    const q = await quiz(h, 'ann');
    expect(q).toMatchObject({ visibility: 'private', mode: 'practice', answerRef: expect.stringMatching(/^practice:\d+$/) });
  });

  it('gives the question hint, marks the answer as hinted, and does not cap practice', async () => {
    const h = harness();
    const q = await quiz(h, 'ann');
    expect(textOf(await h.cmd('ann', 'hint'))).toContain(`Hint for ${q.questionId}.`);
    await h.answer('ann', 'ok [score 9]');
    const [stats] = await h.cmd('ann', 'stats');
    expect(stats).toMatchObject({ hintedAnswers: 1, practicePoints: 9 });
  });

  it('gives a hint that names no key point when a question has no written one', async () => {
    const content = bank([question('nohint', { hint: undefined, keyPoints: [
      { text: 'Scaling by the square root of the key dimension keeps softmax gradients healthy', weight: 1 },
      { text: 'b b b b', weight: 1 }, { text: 'c c c c', weight: 1 }, { text: 'd d d d', weight: 1 },
    ] })]);
    const h = harness({ content });
    await quiz(h, 'ann');
    const hint = textOf(await h.cmd('ann', 'hint'));
    expect(hint).toMatch(/A full answer states 4 key ideas about topic-a/);
    expect(hint).not.toMatch(/Scaling|square root|softmax gradients healthy/);
  });

  it('says so when there is nothing to hint', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'hint'))).toMatch(/no open question/);
  });
});
