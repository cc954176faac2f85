import { describe, expect, it } from 'vitest';
import type { CoachWriter, MistakeRequest } from '../../src/core/ports.js';
import { harness } from '../fakes/harness.js';

const coachSaying = (sentence: string, seen: MistakeRequest[] = []): CoachWriter => ({
  id: 'llm:test',
  async followUp() {
    return 'Why?';
  },
  async commonMistake(req) {
    seen.push(req);
    return sentence;
  },
});

async function playRound(h: ReturnType<typeof harness>, answers: [string, string][]) {
  await h.cmd('admin', 'settings follow-ups off');
  await h.cmd('admin', 'daily');
  for (const [who, text] of answers) await h.answer(who, text);
  await h.cmd('admin', 'reveal');
  return h.chat.of('summary').at(-1)!.reply;
}

describe('the reveal', () => {
  it('says per key point how many answers covered or missed it', async () => {
    const h = harness();
    const summary = await playRound(h, [['ann', 'all [score 10]'], ['bob', 'half [score 5]'], ['cy', 'little [score 2]']]);
    const q = summary.keyPoints;
    expect(summary.pointCounts).toEqual([
      { point: q[0], covered: 3, partly: 0, missed: 0, of: 3 },
      { point: q[1], covered: 2, partly: 0, missed: 1, of: 3 },
      { point: q[2], covered: 1, partly: 0, missed: 2, of: 3 },
      { point: q[3], covered: 1, partly: 0, missed: 2, of: 3 },
    ]);
    expect(summary.labels?.missed).toBe('Missed');
    expect(summary.commonMistake).toBeUndefined();
  });

  it('quotes the best answer of a member who set showcase on, and never one who did not', async () => {
    const h = harness();
    await h.cmd('bob', 'showcase on');
    const summary = await playRound(h, [['ann', 'the best answer [score 10]'], ['bob', 'a good answer [score 8]'], ['cy', 'a weak one [score 2]']]);
    expect(summary.showcase).toEqual({ name: 'bob', score: 8, text: 'a good answer [score 8]' });
    expect(JSON.stringify(h.chat.publicText())).not.toMatch(/the best answer/);

    const quiet = harness();
    const none = await playRound(quiet, [['ann', 'the best answer [score 10]']]);
    expect(none.showcase).toBeUndefined();
    expect(quiet.chat.publicText()).not.toMatch(/the best answer/);
  });

  it('names the most common wrong idea with a model, anonymised', async () => {
    const seen: MistakeRequest[] = [];
    const h = harness({ coach: coachSaying('Most answers treated point three as optional.', seen) });
    const summary = await playRound(h, [['ann', 'all [score 10]'], ['bob', 'half [score 5]'], ['cy', 'little [score 2]']]);
    expect(summary.commonMistake).toBe('Most answers treated point three as optional.');
    expect(seen[0]!.answers.map((a) => a.text)).toEqual(['half [score 5]', 'little [score 2]']);
    expect(seen[0]!.names).toEqual(['ann', 'bob', 'cy']);
  });

  it('leaves out a sentence that names a member or quotes an answer', async () => {
    const naming = harness({ coach: coachSaying('Bob thought point three was optional.') });
    expect((await playRound(naming, [['ann', 'x [score 10]'], ['bob', 'y [score 5]'], ['cy', 'z [score 2]']])).commonMistake).toBeUndefined();
    const quoting = harness({ coach: coachSaying('Several said that caching fixes every single latency problem.') });
    const s = await playRound(quoting, [['ann', 'x [score 10]'], ['bob', 'caching fixes every single latency problem [score 5]'], ['cy', 'z [score 2]']]);
    expect(s.commonMistake).toBeUndefined();
  });
});
