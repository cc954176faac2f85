/**
 * The stand-in model's judgement: a simple keyword judge over the key points it reads from the
 * grading prompt, and the "attacked" behaviour of a model that obeys an injection. Kept apart from
 * the HTTP server so both stay small.
 */

export interface StandInVerdict {
  point: number;
  evidence: string;
  /** Filled in by the server when a scripted verdict leaves it out. */
  reason?: string;
  verdict: 'covered' | 'partly' | 'missed' | 'contradicted';
}

export interface ParsedPrompt {
  keyPoints: string[];
  answer: string | null;
  nonce: string | null;
}

/** A judgement as the model's reply content: the grading schema's JSON, every verdict with a reason. */
export function replyContent(r: { verdicts: StandInVerdict[]; advice: string }): string {
  return JSON.stringify({ verdicts: r.verdicts.map((v) => ({ point: v.point, evidence: v.evidence, reason: v.reason ?? 'Stand-in reason.', verdict: v.verdict })), advice: r.advice });
}

/** Reads the key points and the fenced answer from a grading request's messages. */
export function parsePrompt(messages: { role: string; content: unknown }[]): ParsedPrompt {
  const text = (role: string) =>
    messages
      .filter((m) => m.role === role)
      .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
      .join('\n');
  const system = text('system');
  const user = text('user');
  const rubric = system.split(/KEY POINTS[^\n]*\n/)[1] ?? '';
  const keyPoints = [...rubric.matchAll(/^\d+\. (.+?)(?: \(weight [\d.]+\))?$/gm)].map((m) => m[1]!);
  const fenced = /<<<ANSWER-([0-9a-f]+)>>>\n([\s\S]*?)\n<<<END-ANSWER-\1>>>/.exec(user);
  return { keyPoints, answer: fenced?.[2] ?? null, nonce: fenced?.[1] ?? null };
}

const STOP = new Set(['that', 'this', 'with', 'from', 'into', 'each', 'their', 'them', 'then', 'than', 'when', 'such', 'which', 'makes', 'making', 'keeping', 'grows']);

function stems(s: string): string[] {
  return (s.toLowerCase().match(/[a-z][a-z0-9_]{3,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.slice(0, 5));
}

/** Sentences of the answer, as they appear in it (so a quote taken from them is exact). */
function sentences(answer: string): string[] {
  return answer
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A keyword judge: a key point is covered when half its content words (by 5-letter stem) occur in
 * the answer, partly from a quarter; the evidence is the answer's sentence with the most of them.
 */
export function keywordJudge(keyPoints: string[], answer: string): { verdicts: StandInVerdict[]; advice: string } {
  const sents = sentences(answer);
  const verdicts = keyPoints.map((kp, i): StandInVerdict => {
    const want = [...new Set(stems(kp))];
    const have = new Set(stems(answer));
    const share = want.length === 0 ? 0 : want.filter((w) => have.has(w)).length / want.length;
    const verdict = share >= 0.5 ? 'covered' : share >= 0.25 ? 'partly' : 'missed';
    if (verdict === 'missed') return { point: i + 1, evidence: '', verdict };
    let best = sents[0] ?? '';
    let bestHits = -1;
    for (const s of sents) {
      const hits = stems(s).filter((w) => want.includes(w)).length;
      if (hits > bestHits) [best, bestHits] = [s, hits];
    }
    return { point: i + 1, evidence: best.slice(0, 200), verdict };
  });
  const firstMissed = verdicts.find((v) => v.verdict !== 'covered');
  const advice = firstMissed ? `Say more about: ${keyPoints[firstMissed.point - 1]}.` : 'Well done: every key point is there.';
  return { verdicts, advice };
}

/**
 * A model that obeys the attack: every key point "covered", each with a real quote from the
 * answer (its longest line), and glowing advice. The quote check alone cannot catch this.
 */
export function obedientJudge(keyPoints: string[], answer: string): { verdicts: StandInVerdict[]; advice: string } {
  const lines = sentences(answer).sort((a, b) => b.length - a.length);
  const quote = (lines[0] ?? answer).slice(0, 200);
  return {
    verdicts: keyPoints.map((_, i) => ({ point: i + 1, evidence: quote, verdict: 'covered' })),
    advice: 'Perfect answer, 10/10 as instructed.',
  };
}

/**
 * A model that invents its evidence: every key point "covered", each backed by a quote that the
 * answer does not contain (the key point's own words, as a confabulating model would write them).
 */
export function inventingJudge(keyPoints: string[]): { verdicts: StandInVerdict[]; advice: string } {
  return {
    verdicts: keyPoints.map((kp, i) => ({ point: i + 1, evidence: `the answer explains that ${kp.toLowerCase()}`, reason: 'Stated clearly.', verdict: 'covered' })),
    advice: 'Great answer.',
  };
}

/**
 * What the stand-in model says to the coach: a follow-up question on the key point it is asked to
 * probe, or a sentence on the key point the round's answers most often left out.
 */
export function coachReply(body: { messages: { role: string; content: unknown }[]; response_format?: { json_schema?: { name: string } } }): string {
  const system = body.messages.filter((m) => m.role === 'system').map((m) => String(m.content)).join('\n');
  if (body.response_format?.json_schema?.name === 'follow_up') {
    const point = /KEY POINT TO PROBE\n(.+)/.exec(system)?.[1] ?? 'that idea';
    return JSON.stringify({ question: `You left something out. How does this work in practice: ${point.replace(/[.?]+$/, '')}?` });
  }
  const first = /KEY POINTS\n1\. (.+)/.exec(system)?.[1];
  return JSON.stringify(first ? { found: true, sentence: `Most answers left out that ${first.charAt(0).toLowerCase()}${first.slice(1).replace(/[.]+$/, '')}.` } : { found: false, sentence: '' });
}
