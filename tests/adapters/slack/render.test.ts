import { describe, expect, it } from 'vitest';
import { capBlocks, LIMITS, sections, splitText } from '../../../src/adapters/slack/blocks.js';
import { toDeliveryError } from '../../../src/adapters/slack/delivery-errors.js';
import { escapeMrkdwn } from '../../../src/adapters/slack/escape.js';
import { parseMessageRef } from '../../../src/adapters/slack/ids.js';
import { gradeBlocks, pingMention, renderMessage } from '../../../src/adapters/slack/render.js';
import { LLM_LABELS, OFFLINE_LABELS, type GradeReply, type QuestionReply, type SummaryReply } from '../../../src/core/replies.js';
import { allText } from './rig.js';

const PINGS = /<!(everyone|channel|here)>|<@[UW]|<!subteam/;

const question = (over: Partial<QuestionReply> = {}): QuestionReply => ({
  kind: 'question',
  visibility: 'public',
  answerRef: 'round:7',
  mode: 'daily',
  questionId: 'q1',
  prompt: 'What is attention?',
  topic: 'transformer-architecture',
  difficulty: 'medium',
  pack: 'llm',
  answerCount: 3,
  ...over,
});

describe('Slack rendering', () => {
  it("escapes Slack's three control characters so text can never ping", () => {
    expect(escapeMrkdwn('<!everyone> & <@U123> <!channel>')).toBe('&lt;!everyone&gt; &amp; &lt;@U123&gt; &lt;!channel&gt;');
  });

  it('renders names in a summary escaped, in blocks and in the fallback text', () => {
    const summary: SummaryReply = {
      kind: 'summary',
      visibility: 'public',
      roundId: 1,
      questionPrompt: 'Why <!here>?',
      keyPoints: ['uses <@U999>'],
      answered: 2,
      averageScore: 6,
      top: [
        { rank: 1, name: '<!everyone>', score: 8 },
        { rank: 2, name: 'Tom & <!channel>', score: 4 },
      ],
    };
    const m = renderMessage(summary);
    expect(allText(m)).not.toMatch(PINGS);
    expect(allText(m.blocks)).toContain('&lt;!everyone&gt; (8/10)');
    expect(m.text).toContain('Tom &amp; &lt;!channel&gt;');
  });

  it('puts a ping role on the daily post only as a user-group mention', () => {
    expect(pingMention('slack-group:S0123ABC')).toBe('<!subteam^S0123ABC>');
    expect(pingMention('S0123ABC')).toBe('<!subteam^S0123ABC>');
    expect(pingMention('<!subteam^S0123ABC>')).toBe('<!subteam^S0123ABC>');
    expect(pingMention('<!everyone>')).toBeNull();
    expect(pingMention('U123')).toBeNull();
    expect(allText(renderMessage(question({ pingRole: '<!channel>' })))).not.toMatch(PINGS);
    expect(allText(renderMessage(question({ pingRole: 'S0123ABC' })).blocks)).toContain('<!subteam^S0123ABC>');
    expect(renderMessage(question({ pingRole: 'slack-group:S0123ABC' })).text).toMatch(/^<!subteam\^S0123ABC> Question of the day/);
    expect(allText(renderMessage(question({ pingRole: 'S0123ABC', visibility: 'private', mode: 'practice' })).blocks)).not.toContain('subteam');
  });

  it('splits long text into sections of at most 3,000 characters, at line breaks, losing nothing', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i}: ${'word '.repeat(10)}`);
    const text = lines.join('\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(parts.join('\n')).toBe(text);
    const unbroken = 'x'.repeat(7000);
    expect(splitText(unbroken).map((p) => p.length)).toEqual([3000, 3000, 1000]);
  });

  it('keeps a message within 50 blocks, keeping its buttons, and always carries a plain text fallback', () => {
    const many = Array.from({ length: 80 }, (_, i) => sections(`block ${i}`)[0]!);
    const capped = capBlocks([...many, { type: 'actions', elements: [] }]);
    expect(capped).toHaveLength(LIMITS.messageBlocks);
    expect(capped.at(-1)!.type).toBe('actions');
    const long = renderMessage({ kind: 'text', visibility: 'private', text: 'y'.repeat(200_000) });
    expect(long.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(long.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(long.text.length).toBeGreaterThan(0);
  });

  it('shows the live count and the Answer button naming the round, and a closed round as practice', () => {
    const open = renderMessage(question());
    expect(allText(open.blocks)).toContain('3 answered so far');
    expect(open.blocks.find((b) => b.type === 'actions')).toMatchObject({ elements: [{ action_id: 'prepbot_answer', value: 'round:7' }] });
    expect(allText(renderMessage(question({ closed: true })).blocks)).toMatch(/closed.*practice/);
  });

  it('reads message refs back as channel and ts', () => {
    expect(parseMessageRef('C123:1700000000.000100')).toEqual({ channel: 'C123', ts: '1700000000.000100' });
    expect(parseMessageRef('msg-1')).toBeNull();
  });
});

describe('Slack errors as delivery errors', () => {
  const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

  it('maps a lost channel, a missing membership and a rate limit to what the core acts on', () => {
    expect(toDeliveryError(platform('channel_not_found')).code).toBe('channel_gone');
    expect(toDeliveryError(platform('is_archived')).code).toBe('channel_gone');
    expect(toDeliveryError(platform('not_in_channel'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/\/invite @prepbot/) });
    const limited = toDeliveryError(Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 30 }));
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
    expect(toDeliveryError(new Error('socket hang up')).code).toBe('failed');
  });
});

describe('grade blocks', () => {
  const grade = (over: Partial<GradeReply> = {}): GradeReply => ({
    kind: 'grade',
    visibility: 'private',
    answerId: 3,
    questionPrompt: 'What is attention?',
    score: 4,
    covered: ['Weighs tokens'],
    partly: ['Scales scores'],
    missed: ['Uses a softmax'],
    feedback: 'Say more.',
    grader: 'offline',
    offline: true,
    labels: OFFLINE_LABELS,
    mode: 'daily',
    points: 4,
    notes: [],
    disputable: true,
    ...over,
  });

  it('say Mentioned / Partly mentioned / Not mentioned for an offline grade, never Covered', () => {
    const text = allText(gradeBlocks(grade()));
    expect(text).toMatch(/\*Mentioned\*[\s\S]*\*Partly mentioned\*[\s\S]*\*Not mentioned\*/);
    expect(text).not.toMatch(/Covered|Missed/);
  });

  it('say Covered / Partly covered / Missed for an LLM grade', () => {
    const text = allText(gradeBlocks(grade({ grader: 'llm:gpt-4.1-mini', offline: false, labels: LLM_LABELS })));
    expect(text).toMatch(/\*Covered\*[\s\S]*\*Partly covered\*[\s\S]*\*Missed\*/);
  });
});
