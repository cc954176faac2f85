import { WORD_PATTERNS } from './src/grading/injection-patterns.js';
for (const p of WORD_PATTERNS.filter(p=>p.reason==='grade-demand').slice(0,3)) { console.log(p.re.source); p.re.lastIndex=0; console.log(p.re.test('moi 10/10')); }
