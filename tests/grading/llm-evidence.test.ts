/**
 * Evidence that means something, against the OpenAI-compatible stand-in with the real `openai`
 * client: quotes copied from the question or hint, quotes the answer denies, and quotes the answer
 * does not contain.
 */
import { describe, expect, it } from 'vitest';
import { GraderReplyRejected } from '../../src/core/ports.js';
import { judgeEvidence } from '../../src/grading/evidence.js';
import { PROMPT_VERSION } from '../../src/grading/llm-prompt.js';
import { GRADING_RESPONSE_FORMAT } from '../../src/grading/llm-schema.js';
import { graderOn } from '../stand-ins/openai-grader.js';
import { openAiPerFile } from '../stand-ins/openai-per-file.js';
import { ATTENTION, requestFor } from './attack-corpus.js';

const standIn = openAiPerFile();

const ECHOES = [
  ATTENTION.prompt,
  `${ATTENTION.prompt} ${ATTENTION.prompt}`,
  `The question is: ${ATTENTION.prompt} So, write out scaled dot-product attention and why divide by sqrt(d_k).`,
];

describe('an echo-quoting model', () => {
  it.each(ECHOES)('cannot lift an echoed question above 2/10: %s', async (answer) => {
    standIn().mode = { kind: 'attacked' }; // every point "covered", quoting the answer's longest sentence
    const grade = await graderOn(standIn()).grade(requestFor(ATTENTION, answer));
    expect(grade.score).toBeLessThanOrEqual(2);
  });

  it('cannot use words the hint gave away as evidence', async () => {
    const hint = 'Think about the variance of a query-key dot product as d_k grows.';
    standIn().mode = { kind: 'attacked' };
    const grade = await graderOn(standIn()).grade({ ...requestFor(ATTENTION, 'the variance of a query-key dot product as d_k grows'), hint });
    expect(grade.score).toBeLessThanOrEqual(2);
    expect(standIn().requests[0]!.body.messages[0]!.content).toContain(hint);
  });
});

describe('a quote under a negation that reverses it', () => {
  it('is no evidence for the key point', () => {
    const point = ATTENTION.keyPoints[1]!.text; // Q, K and V are learned linear projections...
    const ctx = { question: ATTENTION.prompt, point };
    const denied = 'Q, K and V are not learned linear projections of the tokens; they are fixed.';
    expect(judgeEvidence('learned linear projections of the tokens', denied, ctx)).toBe('negated');
    const stated = 'Q, K and V are learned linear projections of the tokens.';
    expect(judgeEvidence('learned linear projections of the tokens', stated, ctx)).toBe('ok');
  });

  it('counts as missed in the grade, and a contradicted verdict lowers the score', async () => {
    const answer =
      'Q, K and V are not learned linear projections of the tokens. Each output is the attention-weighted sum of the value vectors. Dividing by sqrt(d_k) restores unit variance.';
    const verdicts = ATTENTION.keyPoints.map((_, i) => ({ point: i + 1, evidence: '', verdict: 'missed' as const }));
    verdicts[1] = { point: 2, evidence: 'learned linear projections of the tokens', verdict: 'covered' as never };
    verdicts[3] = { point: 4, evidence: 'Each output is the attention-weighted sum of the value vectors', verdict: 'covered' as never };
    verdicts[6] = { point: 7, evidence: 'Dividing by sqrt(d_k) restores unit variance', verdict: 'covered' as never };
    standIn().queue({ kind: 'verdicts', verdicts });
    const withDenied = await graderOn(standIn()).grade(requestFor(ATTENTION, answer));
    expect(withDenied.covered).toEqual([ATTENTION.keyPoints[3]!.text, ATTENTION.keyPoints[6]!.text]);
    const contradicted = verdicts.map((v) => (v.point === 2 ? { ...v, verdict: 'contradicted' as never } : v));
    standIn().queue({ kind: 'verdicts', verdicts: contradicted });
    const lowered = await graderOn(standIn()).grade(requestFor(ATTENTION, answer));
    expect(lowered.score).toBeLessThan(withDenied.score);
  });
});

describe('an inventing model', () => {
  it('is asked once more, then its reply is rejected as unsupported for the offline grader', async () => {
    standIn().mode = { kind: 'invent' };
    const err = await graderOn(standIn()).grade(requestFor(ATTENTION, 'Attention mixes the values by softmax weights.')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraderReplyRejected);
    expect((err as GraderReplyRejected).reason).toBe('unsupported');
    expect(standIn().requests).toHaveLength(2);
  });
});

describe('the schema and prompt sent', () => {
  it('carries a reason before each verdict, a contradicted verdict and length limits', () => {
    const schema = JSON.stringify(GRADING_RESPONSE_FORMAT.json_schema.schema);
    const verdict = (GRADING_RESPONSE_FORMAT.json_schema.schema as { properties: { verdicts: { items: { properties: Record<string, unknown> }; maxItems?: number } } }).properties.verdicts;
    expect(Object.keys(verdict.items.properties)).toEqual(['point', 'evidence', 'reason', 'verdict']);
    expect(schema).toContain('"contradicted"');
    expect(schema).toMatch(/"maxLength":200/);
    expect(verdict.maxItems).toBe(20);
    expect(PROMPT_VERSION).toBe('llm-3');
  });

  it('puts graded examples in the prompt as calibration when the question has them', async () => {
    const examples = [
      { answer: 'softmax(QK^T/sqrt(d_k))V, scaled so the softmax does not saturate.', score: 7 },
      { answer: 'It is a kind of neural network.', score: 1 },
    ];
    await graderOn(standIn()).grade({ ...requestFor(ATTENTION, 'Attention mixes values.'), examples });
    const rules = standIn().requests[0]!.body.messages[0]!.content as string;
    expect(rules).toMatch(/GRADED EXAMPLES/);
    expect(rules).toContain('Scored 7/10: "softmax(QK^T/sqrt(d_k))V, scaled so the softmax does not saturate."');
    expect(standIn().requests[0]!.prompt.keyPoints).toHaveLength(ATTENTION.keyPoints.length);
  });
});
