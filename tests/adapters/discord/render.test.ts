import { describe, expect, it } from 'vitest';
import { answerModal } from '../../../src/adapters/discord/answer-modal.js';
import { answerButtonId, answerRefOfButton, answerRefOfForm, CUSTOM_ID_MAX } from '../../../src/adapters/discord/ids.js';
import { bulletList, splitText } from '../../../src/adapters/discord/limits.js';
import { embedLength, renderReply } from '../../../src/adapters/discord/render.js';
import { LLM_LABELS, OFFLINE_LABELS, type GradeReply, type SummaryReply } from '../../../src/core/replies.js';

const long = (n: number, word = 'token') => Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

function grade(over: Partial<GradeReply> = {}): GradeReply {
  return {
    kind: 'grade',
    visibility: 'private',
    answerId: 1,
    questionPrompt: 'What is attention?',
    score: 7,
    covered: ['Weighs tokens'],
    partly: [],
    missed: ['Scales by sqrt(d)'],
    feedback: 'Mention the scaling.',
    grader: 'offline',
    offline: true,
    labels: OFFLINE_LABELS,
    mode: 'daily',
    points: 7,
    notes: [],
    disputable: true,
    ...over,
  };
}

describe('Discord rendering within limits', () => {
  it('shows score, mentioned, not mentioned and advice in an offline grade embed, never "Covered"', () => {
    const [m] = renderReply(grade());
    const e = m!.embeds![0]!;
    expect(e.title).toBe('Score: 7/10');
    expect(e.fields).toEqual(
      expect.arrayContaining([
        { name: 'Mentioned', value: '• Weighs tokens' },
        { name: 'Not mentioned', value: '• Scales by sqrt(d)' },
        { name: 'Advice', value: 'Mention the scaling.' },
      ]),
    );
    expect(JSON.stringify(e)).not.toMatch(/Covered/);
  });

  it('shows covered and missed in an LLM grade embed', () => {
    const [m] = renderReply(grade({ grader: 'llm:gpt-4.1-mini', offline: false, labels: LLM_LABELS }));
    expect(m!.embeds![0]!.fields).toEqual(expect.arrayContaining([{ name: 'Covered', value: '• Weighs tokens' }, { name: 'Missed', value: '• Scales by sqrt(d)' }]));
  });

  it('keeps a grade with very long lists inside field and embed limits', () => {
    const points = Array.from({ length: 60 }, (_, i) => `Key point ${i}: ${long(40)}`);
    const [m] = renderReply(grade({ covered: points, missed: points, partly: points, feedback: long(500), notes: [long(400)] }));
    const e = m!.embeds![0]!;
    expect(e.fields!.length).toBeLessThanOrEqual(25);
    for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(1024);
    expect(e.fields!.find((f) => f.name === 'Mentioned')!.value).toMatch(/… and \d+ more$/);
    expect(embedLength(e)).toBeLessThanOrEqual(6000);
  });

  it('shortens a summary with a huge reference into one embed under 4,096 characters of description', () => {
    const s: SummaryReply = {
      kind: 'summary',
      visibility: 'public',
      roundId: 1,
      questionPrompt: long(400),
      keyPoints: Array.from({ length: 80 }, () => long(60)),
      answered: 3,
      averageScore: 5,
      top: [{ rank: 1, name: '*bold* name', score: 9 }],
    };
    const e = renderReply(s)[0]!.embeds![0]!;
    expect(e.description!.length).toBeLessThanOrEqual(4096);
    expect(embedLength(e)).toBeLessThanOrEqual(6000);
    expect(e.fields!.find((f) => f.name === 'Top')!.value).toBe('1. \\*bold\\* name (9/10)');
  });

  it('lists a long tie at the top of a summary within the field limit, ending in how many more', () => {
    const s: SummaryReply = {
      kind: 'summary',
      visibility: 'public',
      roundId: 1,
      questionPrompt: 'What is attention?',
      keyPoints: ['Weighs tokens'],
      answered: 120,
      averageScore: 10,
      top: Array.from({ length: 120 }, (_, i) => ({ rank: 1, name: `member-number-${i}`, score: 10 })),
    };
    const top = renderReply(s)[0]!.embeds![0]!.fields!.find((f) => f.name === 'Top')!.value;
    expect(top.length).toBeLessThanOrEqual(1024);
    expect(top).toMatch(/^1\. member-number-0 \(10\/10\)\n1\. member-number-1 \(10\/10\)\n/);
    expect(top).toMatch(/\n… and \d+ more$/);
  });

  it('splits long text at line breaks into messages of at most 2,000 characters', () => {
    const text = Array.from({ length: 200 }, (_, i) => `row ${i}: ${long(3)}`).join('\n');
    const pieces = renderReply({ kind: 'text', visibility: 'private', text });
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.content!.length).toBeLessThanOrEqual(2000);
    expect(pieces.map((p) => p.content).join('\n')).toBe(text);
  });

  it('cuts a single word longer than the limit', () => {
    const pieces = splitText('x'.repeat(4500), 2000);
    expect(pieces.map((p) => p.length)).toEqual([2000, 2000, 500]);
  });

  it('attaches a file reply as a file, not as text', () => {
    const [m] = renderReply({ kind: 'text', visibility: 'private', text: 'Your export.', file: { name: 'export.csv', content: 'user,score\n' } });
    expect(m!.content).toBe('Your export.');
    expect(m!.files![0]!.name).toBe('export.csv');
  });

  it('fits a bullet list into a small room', () => {
    const list = bulletList(['alpha', 'beta', 'gamma', 'delta'], 30);
    expect(list.length).toBeLessThanOrEqual(30);
    expect(list).toMatch(/^• alpha/);
    expect(list).toMatch(/more$/);
  });
});

describe('Answer buttons and the answer modal', () => {
  it('round-trips the answerRef through button and modal ids within 100 characters', () => {
    const id = answerButtonId('round:123456789012345');
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(answerRefOfButton(id)).toBe('round:123456789012345');
    expect(answerRefOfButton('answer:round:1; DROP TABLE rounds')).toBeNull();
    expect(answerRefOfForm('answer:round:1')).toBeNull();
  });

  it('builds a modal with a 4,000-character paragraph input and the question shown in full', () => {
    const prompt = long(300);
    const json = answerModal({
      kind: 'form',
      visibility: 'private',
      answerRef: 'round:9',
      mode: 'daily',
      title: 'Question of the day, a rather long title here',
      prompt,
      maxLength: 4000,
    }).toJSON();
    expect(json.custom_id).toBe('answer-form:round:9');
    expect(json.title.length).toBeLessThanOrEqual(45);
    const [display, label] = json.components as any[];
    expect(display.content).toContain(prompt);
    expect(label.component).toMatchObject({ style: 2, max_length: 4000, required: true });
    expect(label.component.placeholder.length).toBeLessThanOrEqual(100);
  });
});
