import { describe, expect, it } from 'vitest';
import type { TextReply } from '../../src/core/replies.js';
import { toCsv } from '../../src/core/csv.js';
import { harness, OTHER_CHANNEL, OTHER_SCOPE, PLACE, textOf, type Harness } from '../fakes/harness.js';

const DAY = 24 * 3_600_000;
const adminNotices = (h: Harness) => h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply]));

/** Parses RFC 4180 CSV (quoted fields with doubled quotes, CRLF rows). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return rows;
}

describe('history', () => {
  it("shows only the member's own answers, daily and practice, with key points only once the round closed", async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'ann secret words [score 7]');
    await h.answer('bob', 'bob secret words [score 3]');
    await h.cmd('ann', 'quiz');
    await h.answer('ann', 'ann practice words [score 4]');

    const open = textOf(await h.cmd('ann', 'history'));
    expect(open).toMatch(/Your last 2 answers, newest first \(times in UTC\):/);
    expect(open).toMatch(/#\d+ Mon 23 Nov 09:00, question of the day: "Question q\d\?"\n  Score: 7\/10, 7 points\n  Covered: q\d point one; q\d point two; q\d point three\n  Missed: q\d point four\n  Key points: shown once the round closes./);
    expect(open).toMatch(/practice: "Question q\d\?"\n  Score: 4\/10\n/);
    expect(open).not.toMatch(/bob|3\/10|secret words/);

    await h.cmd('admin', 'reveal');
    const closed = textOf(await h.cmd('ann', 'history'));
    expect(closed).toMatch(/Score: 7\/10, 7 points\n.*\n.*\n  Key points: (q\d point \w+(; )?){4}/);
    expect(closed).toMatch(/dispute <answer number> <reason>/);
    expect(textOf(await h.cmd('cid', 'history'))).toMatch(/You have no answers here yet/);
  });

  it('keeps another server out and shows a score an admin changed', async () => {
    const h = harness();
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    await h.answer('ann', 'elsewhere [score 9]', { place: OTHER_SCOPE });
    expect(textOf(await h.cmd('ann', 'history'))).toMatch(/no answers here yet/);
    await h.cmd('ann', `dispute ${h.chat.of('grade')[0]!.reply.answerId} more please`, OTHER_SCOPE);
    await h.cmd('admin', 'resolve 1 10', OTHER_SCOPE);
    expect(textOf(await h.cmd('ann', 'history', OTHER_SCOPE))).toMatch(/Score: 10\/10 \(set by an admin after a dispute; graded 9\/10\), 10 points/);
  });
});

describe('report', () => {
  it("flags the open question's reference answer to the admins, once per member", async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'report'))).toMatch(/no question here to report/);
    await h.cmd('admin', 'daily');
    const round = h.store.rounds.getOpenRound(PLACE.channelId)!;
    expect(textOf(await h.cmd('ann', 'report The second key point contradicts the reference, answers "@everyone"'))).toMatch(/Thank you: the admins are told/);
    const notice = adminNotices(h).find((n) => /reports that/.test(n));
    expect(notice).toMatch(
      new RegExp(`ann reports that the reference answer of "Question ${round.questionId}\\?" may be wrong: The second key point contradicts the reference.*The question is ${round.questionId} \\(test-pack/${round.questionId}.md in the content folder\\). If it is wrong, /prep admin skip closes the open round without points.`),
    );
    expect(textOf(await h.cmd('ann', 'report again'))).toMatch(/You already reported/);
    expect(adminNotices(h).filter((n) => /reports that/.test(n))).toHaveLength(1);
    expect(h.chat.publicText()).not.toMatch(/reports that/);
  });

  it('reports the latest round once it closed, and a practice question while one is open', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    const round = h.store.rounds.getOpenRound(PLACE.channelId)!;
    await h.cmd('admin', 'reveal');
    await h.cmd('ann', 'report key point three is outdated');
    expect(adminNotices(h).at(-1)).toMatch(new RegExp(`Question ${round.questionId}\\?`));
    const [practice] = await h.cmd('bob', 'quiz');
    expect(practice?.kind).toBe('question');
    const asked = practice?.kind === 'question' ? practice.questionId : '';
    await h.cmd('bob', 'report wrong');
    expect(adminNotices(h).at(-1)).toMatch(new RegExp(`bob reports that the reference answer of "Question ${asked}\\?"`));
  });
});

describe('export', () => {
  it('writes a CSV of the server scores without answer text, members with privacy on as anonymous-N', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'ann SECRET text, with "quotes" [score 8]');
    await h.answer('bob', 'bob SECRET text [score 6]');
    await h.answer('eve', 'eve SECRET text [score 9]');
    await h.cmd('bob', 'privacy on');
    await h.cmd('eve', 'privacy on');
    h.clock.advance(DAY);
    await h.cmd('admin', 'daily', OTHER_CHANNEL);
    await h.answer('eve', 'eve SECRET again [score 2]', { place: OTHER_CHANNEL });
    await h.answer('bob', 'bob SECRET again [score 5]', { place: OTHER_CHANNEL });
    await h.answer('bob', 'bob second try [score 10]', { place: OTHER_CHANNEL }); // practice: not a score row
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    await h.answer('zed', 'other server [score 7]', { place: OTHER_SCOPE });

    const [reply] = (await h.cmd('admin', 'export')) as TextReply[];
    expect(reply!.visibility).toBe('private');
    expect(reply!.text).toMatch(/5 graded answers, 2 members with privacy on shown as anonymous-N. Answer text is never exported./);
    expect(reply!.file!.name).toBe('prepbot-scores-discord-g1-2026-11-24.csv');
    const csv = reply!.file!.content;
    expect(csv).not.toMatch(/SECRET|second try|quotes|bob|eve|zed/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['user', 'channel', 'round_date', 'question_id', 'score', 'points', 'grader', 'graded_at']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6]])).toEqual([
      ['ann', 'c1', '2026-11-23', '8', '8', 'scripted'],
      ['anonymous-1', 'c1', '2026-11-23', '6', '6', 'scripted'],
      ['anonymous-2', 'c1', '2026-11-23', '9', '9', 'scripted'],
      ['anonymous-2', 'c2', '2026-11-24', '2', '2', 'scripted'],
      ['anonymous-1', 'c2', '2026-11-24', '5', '5', 'scripted'],
    ]);
    expect(rows[1]![7]).toBe('2026-11-23T09:00:00.000Z');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and defuses formulas in names', async () => {
    expect(toCsv(['a', 'b'], [['Smith, Jo', 'say "hi"'], ['two\nlines', 3], ['=HYPERLINK("x")', '-1']])).toBe(
      'a,b\r\n"Smith, Jo","say ""hi"""\r\n"two\nlines",3\r\n"\'=HYPERLINK(""x"")",\'-1\r\n',
    );
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.bot.handle({ type: 'answer', place: PLACE, actor: { id: 'discord:odd', platformId: 'odd', name: 'Doe, "J"' }, text: 'x [score 4]' });
    await h.settle();
    const [reply] = (await h.cmd('admin', 'export')) as TextReply[];
    expect(parseCsv(reply!.file!.content)[1]![0]).toBe('Doe, "J"');
  });

  it('is for admins only', async () => {
    const h = harness();
    expect(textOf(await h.cmd('ann', 'export'))).toMatch(/Only admins can use \/prep admin export/);
  });
});

describe('the same answer from two members in a round', () => {
  it('flags the later grade, which earns nothing, and tells the admins once per pair', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.answer('ann', 'Attention lets each token weigh every other token. [score 7]');
    await h.answer('bob', 'attention   lets each TOKEN weigh every other token [score 7]');
    await h.answer('bob', 'attention lets each token weigh every other token [score 7]'); // bob again: practice, same pair
    await h.answer('cid', 'Something else entirely [score 7]');
    const grades = h.chat.of('grade').map((g) => g.reply);
    const ids = grades.map((g) => g.answerId);
    expect(h.store.answers.getGrade(ids[0]!)!.flags).not.toContain('duplicate_answer');
    expect(h.store.answers.getGrade(ids[1]!)!.flags).toContain('duplicate_answer');
    expect(h.store.answers.getGrade(ids[3]!)!.flags).not.toContain('duplicate_answer');
    const notices = adminNotices(h).filter((n) => /same answer/.test(n));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`bob \\(answer #${ids[1]}\\) sent the same answer as ann \\(answer #${ids[0]}\\), ignoring case, spacing and punctuation, in the round of 2026-11-23`));
    expect(grades[0]!.score).toBe(7);
    expect(grades[1]!.score).toBe(0);
    expect(grades[1]!.feedback).toMatch(/same as another member's earlier answer in this round, so it earns nothing/);
    expect(grades[1]!.feedback).not.toMatch(/ann/);
    expect(grades[3]!.score).toBe(7);
    expect(h.chat.publicText()).not.toMatch(/same answer|Attention lets/);
  });

  it('does not flag the same answer in different rounds or servers', async () => {
    const h = harness();
    await h.cmd('admin', 'daily');
    await h.cmd('admin', 'daily', OTHER_SCOPE);
    await h.answer('ann', 'identical words [score 5]');
    await h.answer('bob', 'identical words [score 5]', { place: OTHER_SCOPE });
    h.clock.advance(DAY);
    await h.cmd('admin', 'daily');
    await h.answer('cid', 'identical words [score 5]');
    expect(adminNotices(h).filter((n) => /same answer/.test(n))).toEqual([]);
  });
});
