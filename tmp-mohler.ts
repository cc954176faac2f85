import { readFileSync } from 'node:fs';
import { scanForInjection } from './src/grading/injection.js';
const lines = readFileSync('../shared/eval/mohler.jsonl', 'utf8').split('\n').filter(Boolean);
let flagged = 0;
for (const l of lines) { const o = JSON.parse(l); const t = o.answer ?? o.student_answer ?? ''; const s = scanForInjection(t); if (s.suspected) { flagged++; console.log(s.reasons.join(','), '|', t.slice(0, 160)); } }
console.log('answers', lines.length, 'flagged', flagged);
