import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../png.js';

const ROOT = join(import.meta.dirname, '../../..');
/** Two packs: `rag` holds the question of the day (RAG vs. fine-tuning), `llm` three more for the interview. */
const CONTENT = join(ROOT, 'tests/fixtures/content-coaching');

function run(lines: string[], db: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: db, CONTENT_DIR: CONTENT },
    timeout: 90_000,
  });
}

const ALICE = "RAG retrieves documents from an external source at query time and adds them to the prompt, without changing the model's weights. Fine-tuning adjusts the model's parameters to specialise it. RAG stays current when the sources are updated, while a fine-tuned model's knowledge is fixed until it is retrained.";
const BOB = "RAG looks things up in your documents when a question comes in; fine-tuning changes the model's parameters on your own data.";
const BOB_FOLLOW_UP = 'RAG pulls external data into the prompt at inference time, and the model weights stay unchanged.';
const DAVE = "RAG retrieves external data at inference time without changing the model's weights, so it stays current when sources are updated; fine-tuning specializes the model by adjusting its internal parameters, and its knowledge is fixed until retrained. RAG costs more compute per query.";

/** The lines printed to one member (or the channel), from the first that matches `start` to the next reply. */
function block(out: string, start: RegExp): string {
  const lines = out.split('\n');
  const i = lines.findIndex((l) => start.test(l));
  if (i < 0) return '';
  const end = lines.findIndex((l, j) => j > i && l.startsWith('['));
  return lines.slice(i, end < 0 ? undefined : end).join('\n');
}

describe('coaching on the console', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'prepbot-coaching-')), 'bot.sqlite');
  const res = run(
    [
      '/settings packs rag',
      '/daily',
      '/as alice', '/showcase on', `/answer ${ALICE}`,
      '/as bob', `/answer ${BOB}`, `/answer ${BOB_FOLLOW_UP}`,
      '/as carol', '/answer Fine-tuning changes weights.', '/pass', '/pass',
      '/as dave', `/answer ${DAVE}`,
      '/reveal', '/digest', '/digest',
      '/as erin', '/interview 3', '/answer I am not sure.', '/pass', '/answer No idea.', '/pass', '/answer Pass.', '/pass',
    ],
    db,
  );
  const out = res.stdout;

  it('runs the session and exits 0', () => {
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it('ends a weak answer with a follow-up; answering it gives a second grade on that key point; pass closes one', () => {
    const bobGrade = block(out, /^\[to bob\] Score: /);
    expect(bobGrade).toMatch(/\n {2}Follow-up: .+\?\n {4}Answer it with \/answer <your answer>, or skip it with \/pass\.$/);
    expect(out).toMatch(/\[to bob\] Answer saved \(\d+ characters\)\. Follow-up answer received\. Grading it against that key point now\./);
    const second = block(out.slice(out.indexOf('Follow-up answer received')), /^\[to bob\] Score: \d+\/10/);
    // One key point, under one of the three headings.
    expect(second.split('\n').filter((l) => /^ {4}[+~-] /.test(l))).toHaveLength(1);
    expect(second).toMatch(/Follow-up on key point \d: graded against that point alone; it counts toward your practice, not the leaderboard\./);
    expect(second).not.toMatch(/Follow-up:/);
    expect(out).toMatch(/\[to carol\] Follow-up passed: no grade, nothing lost\.\n\[to carol\] You have no open follow-up question to pass\./);
  });

  it('shows per key point how the answers did at the reveal, and quotes only the opted-in best answer', () => {
    const summary = block(out, /^\[#main thread\] Round closed/);
    expect(summary).toMatch(/Key points, and how the answers did:\n {4}\* RAG retrieves external data at inference time without changing the model's weights \(mentioned by \d, (partly mentioned by \d, )?not mentioned by \d of 4\)/);
    expect(summary.split('\n').filter((l) => / of 4\)$/.test(l))).toHaveLength(6);
    expect(summary).toMatch(/Best answer shared by alice \(\d+\/10\):\n {4}> RAG retrieves documents from an external source/);
    // dave answered well too, but never agreed to be quoted.
    expect(summary).toMatch(/\d\. dave \(\d+\/10\)/);
    expect(out).not.toContain('stays current when sources are updated; fine-tuning specializes');
  });

  it('posts the digest with a PNG chart beside the database, once a week', () => {
    const digest = block(out, /^\[#main\] Weekly digest: /);
    expect(digest).toMatch(/4 answers from 4 members, average [\d.]+\/10\.\n {2}Answered per day:/);
    expect(digest).toMatch(/Average score by topic:\n {4}rag-pipeline: [\d.]+\/10 \(4 answers\)/);
    const path = /Chart saved to (\S+\.png)/.exec(digest)?.[1];
    expect(path).toBeDefined();
    expect(pngSize(readFileSync(resolve(ROOT, path!)))).toEqual({ width: 900, height: 450 });
    expect(out).toMatch(/\[to dave\] Posted the weekly digest in this channel\.\n\[to dave\] This week's digest was posted here on/);
    expect(out.match(/Weekly digest: /g)).toHaveLength(1);
  });

  it('runs a 3-question mock interview to its report card', () => {
    for (const n of [1, 2, 3]) expect(out).toMatch(new RegExp(`\\[to erin\\] Interview question ${n} of 3 \\[`));
    const card = block(out, /^\[to erin\] Mock interview finished: your report card/);
    expect(card.split('\n').filter((l) => /^ {4}\d\. .*: \d+\/10(; follow-up passed)?$/.test(l))).toHaveLength(3);
    expect(card).toMatch(/Average: [\d.]+\/10\n/);
    expect(card).toMatch(/\n {2}Due for review now: \d+/);
    expect(card).toMatch(/\/quiz practises what is due; \/interview \[topic\] \[count\] starts another interview\./);
  });
});
