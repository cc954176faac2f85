import { scanForInjection } from './src/grading/injection.js';
import { coverage } from './src/grading/offline-grader.js';
import { ATTACKS, HONEST, QUESTIONS, UNFLAGGED_SENTENCES } from './tests/grading/attack-corpus.js';
const cov = (q: any, text: string) => coverage([q.reference, ...q.keyPoints.map((k: any) => k.text)].join('\n'), text, q.prompt);
for (const a of ATTACKS) { const s = scanForInjection(a.text); console.log(s.suspected ? 'FLAG' : '----', a.name.padEnd(28), s.reasons.join(','), QUESTIONS.map(q => cov(q, s.cleaned).toFixed(3)).join(' '), '|', JSON.stringify(s.cleaned.replace(/\s+/g,' ').trim().slice(0,60))); }
for (const h of HONEST) { const s = scanForInjection(h.text); console.log(s.suspected ? 'FLAG' : '----', h.name.padEnd(28), s.reasons.join(','), cov(h.question, s.cleaned).toFixed(3)); }
for (const t of UNFLAGGED_SENTENCES) { const s = scanForInjection(t); console.log(s.suspected ? 'FLAG' : '----', t.slice(0,50), s.reasons.join(',')); }
