/** The targets, as `key: [comparison, value]`; the table marks each figure against them. */
const TARGETS: Record<string, ['<=' | '>=' | '==', number]> = {
  'ack.p99_ms': ['<=', 50],
  'ack.ratio': ['<=', 3],
  'burst.lost': ['==', 0],
  'burst.graded_twice': ['==', 0],
  'burst.ratio': ['<=', 1.2],
  'fanout.ratio': ['<=', 1.2],
  'fanout.dropped': ['==', 0],
  'fanout.double': ['==', 0],
  'fanout.rss_mb': ['<=', 250],
  'leaderboard.top10_p50_ms': ['<=', 5],
  'leaderboard.rank_p50_ms': ['<=', 5],
  'offline.grades_per_s': ['>=', 2000],
  'memory.idle_rss_mb': ['<=', 120],
};

function verdict(key: string, value: number): string {
  const t = TARGETS[key];
  if (!t) return '';
  const ok = t[0] === '<=' ? value <= t[1] : t[0] === '>=' ? value >= t[1] : value === t[1];
  return `${t[0]} ${t[1]} ${ok ? 'met' : 'MISSED'}`;
}

/** The results as a Markdown table: key, value, target. */
export function renderTable(
  results: Record<string, Record<string, number>>,
  meta: { date: string; quick: boolean; node: string; cpus: number; seconds: number; load: [number, number] },
): string {
  const lines = [
    `Run ${meta.date.slice(0, 16).replace('T', ' ')} UTC, Node ${meta.node}, ${meta.cpus} cores, ${meta.seconds} s${meta.quick ? ' (--quick)' : ''}, load average ${meta.load[0]} before and ${meta.load[1]} after; command: \`npm run bench\`.`,
    '',
    '| key | value | target |',
    '| --- | ---: | --- |',
  ];
  for (const [bench, figures] of Object.entries(results)) {
    for (const [k, v] of Object.entries(figures)) {
      const key = `${bench}.${k}`;
      lines.push(`| \`${key}\` | ${Number.isInteger(v) ? v.toLocaleString('en-US') : v} | ${verdict(key, v)} |`);
    }
  }
  return lines.join('\n');
}
