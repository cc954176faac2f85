import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ackBench } from './ack.js';
import { burstBench } from './burst.js';
import { fanoutBench } from './fanout.js';
import { leaderboardBench } from './leaderboard.js';
import { memoryBench } from './memory.js';
import type { BenchContext } from './lib.js';
import { offlineBench } from './offline.js';
import { renderTable } from './report.js';

type Bench = (ctx: BenchContext) => Promise<Record<string, number>>;
const BENCHES: Record<string, Bench> = {
  offline: offlineBench,
  leaderboard: leaderboardBench,
  ack: ackBench,
  burst: burstBench,
  fanout: fanoutBench,
  memory: memoryBench,
};

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const ctx: BenchContext = {
  quick: values.quick ?? false,
  workDir: 'bench/.work',
  progress: (m) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${m.padEnd(70)}`);
  },
};
mkdirSync(ctx.workDir, { recursive: true });

const results: Record<string, Record<string, number>> = {};
const failures: string[] = [];
const started = Date.now();
// Other work on the machine disturbs timings: the load average before and after goes with the figures.
const loadBefore = loadavg()[0]!;
for (const [name, bench] of Object.entries(BENCHES)) {
  if (values.only && !values.only.split(',').includes(name)) continue;
  const t = Date.now();
  try {
    results[name] = await bench(ctx);
  } catch (err) {
    // One broken benchmark should not hide the others' figures; the run still fails at the end.
    failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(72) + '\r');
  process.stderr.write(`${name}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const meta = {
  date: new Date().toISOString(),
  quick: ctx.quick,
  node: process.version,
  cpus: cpus().length,
  seconds: Math.round((Date.now() - started) / 1000),
  load: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0]! * 100) / 100] as [number, number],
};
writeFileSync('bench/results.json', `${JSON.stringify({ meta, results }, null, 2)}\n`);
const table = renderTable(results, meta);
process.stdout.write(`${table}\n`);

if (failures.length > 0) {
  process.stderr.write(`Failed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else if (!ctx.quick && !values.only) {
  const doc = readFileSync('BENCHMARKS.md', 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${table}\n${end}`;
  const next = doc.includes(begin) ? doc.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block) : doc.replace(/^# Benchmarks\n/, `# Benchmarks\n\n${block}\n`);
  writeFileSync('BENCHMARKS.md', next);
  process.stderr.write('BENCHMARKS.md updated.\n');
}
