import { OpenAiStandIn } from './tests/stand-ins/openai-server.js';
import { ATTACKS, QUESTIONS, requestFor, HONEST } from './tests/grading/attack-corpus.js';
import { graderOn } from './tests/grading/llm-helpers.js';
import { obedientJudge } from './tests/stand-ins/openai-judge.js';
import { scoreFromVerdicts } from './src/grading/score-from-verdicts.js';
const s = await OpenAiStandIn.start();
s.mode = { kind: 'attacked' };
let max = 0, capped = 0, n = 0; const pre: number[] = [];
for (const q of QUESTIONS) for (const a of ATTACKS) {
  const g = await graderOn(s).grade(requestFor(q, a.text)); n++;
  max = Math.max(max, g.score); if (g.flags.includes('score_capped')) capped++;
  const ob = obedientJudge(q.keyPoints.map(k=>k.text), a.text);
  pre.push(scoreFromVerdicts(q.keyPoints, ob.verdicts, a.text).score);
}
console.log({ n, max, capped, preCapScores: pre.join(',') });
s.mode = { kind: 'judge' };
for (const h of HONEST) { const g = await graderOn(s).grade(requestFor(h.question, h.text)); console.log('judge', h.name, g.score, g.flags); }
await s.close();
