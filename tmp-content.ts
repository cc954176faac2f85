import { loadContent } from './src/content/index.js';
import { scanForInjection } from './src/grading/injection.js';
const r: any = loadContent('content');
const qs = r.library ? r.library.all() : r.questions ?? r;
let n = 0;
for (const q of (Array.isArray(qs) ? qs : qs.all())) {
  for (const t of [q.reference, ...q.keyPoints.map((k: any) => k.text)]) {
    for (const para of t.split(/\n+/)) { n++; const s = scanForInjection(para); if (s.suspected) console.log(q.id, s.reasons.join(','), '|', para.slice(0, 140).replace(/\n/g,' ')); }
  }
}
console.log('paragraphs', n);
