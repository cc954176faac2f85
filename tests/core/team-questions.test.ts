import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentCheck } from '../../src/content/check-cli.js';
import type { QuestionReply, Reply, SuggestFormReply, TextReply } from '../../src/core/replies.js';
import { harness, OTHER_SCOPE, PLACE, textOf, type Harness } from '../fakes/harness.js';

const DAY = 24 * 3_600_000;

/** A question that passes every content check: its key points are stated in its reference. */
export const COVERING_INDEX = [
  'question: What is a covering index in a relational database?',
  'reference: A covering index holds every column a query reads, so the database answers the query from the index alone without reading the table rows.',
  'It saves a lookup into the table for each matching row, which makes reads faster.',
  'The cost is a larger index and slower writes, since every insert and update must maintain the extra columns.',
  'key points:',
  '- A covering index holds every column the query reads',
  '- The database answers the query from the index alone without reading table rows',
  '- It saves lookups into the table, so reads are faster',
  '- The cost is a larger index and slower writes',
  'topic: databases',
  'hint: Think about what the query still has to read from the table.',
].join('\n');

/** The one reply of a `suggest` that returns the form. */
const formOf = async (replies: Promise<Reply[]>) => (await replies)[0] as SuggestFormReply;
const noticesToAdmins = (h: Harness) => h.chat.sent.filter((s) => s.target.admins).map((s) => textOf([s.reply]));
const toldPrivately = (h: Harness, user: string) => h.chat.sent.filter((s) => s.target.userId === `discord:${user}` && s.target.dm).map((s) => textOf([s.reply]));

async function suggestAndApprove(h: Harness, text = COVERING_INDEX): Promise<string> {
  expect(textOf(await h.cmd('ann', `suggest ${text}`))).toMatch(/suggestion #\d+ is with the admins/);
  const id = h.store.suggestions.pendingSuggestions(PLACE.scopeId).at(-1)!.id;
  expect(textOf(await h.cmd('admin', `approve ${id}`))).toMatch(new RegExp(`Suggestion #${id} approved as team-${id}-covering-index`));
  return h.store.suggestions.getSuggestion(id)!.questionId!;
}

describe("the team's own questions", () => {
  it('opens the form for any member, checks a suggestion field by field and keeps what was typed until it passes', async () => {
    const h = harness();
    const form = await formOf(h.cmd('ann', 'suggest'));
    expect(form).toMatchObject({ kind: 'suggest-form', problems: [], values: { question: '', keyPoints: '' } });

    const three = COVERING_INDEX.replace('- The cost is a larger index and slower writes\n', '').replace('topic: databases', 'topic: Data Bases!').replace('hint:', 'difficulty: tough\nhint:');
    const back = await formOf(h.cmd('ann', `suggest ${three}`));
    expect(back.kind).toBe('suggest-form');
    expect(back.problems).toEqual(
      expect.arrayContaining([
        { field: 'keyPoints', message: 'Give 4 to 7 key points; found 3.' },
        { field: 'difficulty', message: expect.stringMatching(/Difficulty must be one of easy, medium, hard, got "tough"/) },
        { field: 'topic', message: expect.stringMatching(/kebab-case/) },
      ]),
    );
    expect(back.intro).toMatch(/nothing is lost/);
    expect(h.store.suggestions.pendingSuggestions(PLACE.scopeId)).toEqual([]);
    expect(noticesToAdmins(h)).toEqual([]);

    // The form opens again with the draft; lines sent now replace only their fields.
    const again = await formOf(h.cmd('ann', 'suggest'));
    expect(again.values.question).toBe('What is a covering index in a relational database?');
    expect(again.intro).toMatch(/Your draft is back/);
    const fix = 'key points:\n- A covering index holds every column the query reads\n- The database answers the query from the index alone without reading table rows\n- It saves lookups into the table, so reads are faster\n- The cost is a larger index and slower writes\ntopic: databases\ndifficulty: hard';
    expect(textOf(await h.cmd('ann', `suggest ${fix}`))).toMatch(/Thanks: suggestion #1 is with the admins/);
    expect(h.store.suggestions.getSuggestion(1)).toMatchObject({ status: 'pending', topic: 'databases', difficulty: 'hard', keyPoints: expect.arrayContaining(['The cost is a larger index and slower writes']) });
    expect(h.store.suggestions.draft(PLACE.scopeId, 'discord:ann')).toBeNull();
    expect(noticesToAdmins(h).at(-1)).toMatch(/Suggestion #1 from ann .*"What is a covering index in a relational database\?" \(databases, hard, 4 key points\).*\/prep admin suggestions.*\/prep admin approve 1/);
  });

  it('refuses a key point the reference does not state, a near-duplicate of a pack question, and a heading inside the reference', async () => {
    const h = harness();
    const unsupported = COVERING_INDEX.replace('- It saves lookups into the table, so reads are faster', '- Bitmap indexes compress low-cardinality columns');
    const a = await formOf(h.cmd('ann', `suggest ${unsupported}`));
    expect(a.problems).toEqual([{ field: 'keyPoints', message: expect.stringMatching(/^Key point 3: The reference does not support this key point/) }]);

    const copy = 'question: Question q1?\nreference: q1 point one. q1 point two. q1 point three. q1 point four.\nkey points: q1 point one; q1 point two; q1 point three; q1 point four';
    const b = await formOf(h.cmd('ann', `suggest ${copy}`));
    expect(b.problems).toEqual([{ field: 'question', message: expect.stringMatching(/^Nearly the same question as "Question q1\?" \(pack test-pack; similarity 1\.00/) }]);

    const heading = COVERING_INDEX.replace('It saves a lookup', '# Why\nIt saves a lookup');
    const c = await formOf(h.cmd('ann', `suggest ${heading}`));
    expect(c.problems).toEqual([{ field: 'reference', message: expect.stringMatching(/Use '## ' for a heading inside the reference answer/) }]);
    expect(textOf(await h.cmd('ann', 'suggest cancel'))).toMatch(/draft suggestion is dropped/);
    expect(h.store.suggestions.draft(PLACE.scopeId, 'discord:ann')).toBeNull();
  });

  it('lets only admins review; approving adds the question to this server’s pack, records it and tells the member privately', async () => {
    const h = harness();
    await h.cmd('ann', `suggest ${COVERING_INDEX}`);
    expect(textOf(await h.cmd('bob', 'suggestions'))).toMatch(/Only admins can use \/prep admin suggestions/);
    expect(textOf(await h.cmd('bob', 'approve 1'))).toMatch(/Only admins/);
    const list = textOf(await h.cmd('admin', 'suggestions'));
    expect(list).toMatch(/#1 from ann \[databases, medium\]: What is a covering index/);
    expect(list).toMatch(/Reference: A covering index holds every column/);
    expect(list).toMatch(/ {4}4\. The cost is a larger index and slower writes/);
    expect(list).toMatch(/Hint: Think about what the query still has to read/);

    expect(textOf(await h.cmd('admin', 'approve 1 extreme'))).toMatch(/"extreme" is not a difficulty/);
    const approved = textOf(await h.cmd('admin', 'approve 1 hard'));
    expect(approved).toMatch(/Suggestion #1 approved as team-1-covering-index-relational-database \(hard\): this server's own pack \("team"\) now has 1 question\..*ann was told privately/);
    expect(textOf(await h.cmd('admin', 'approve 1'))).toMatch(/already approved \(as team-1-covering-index-relational-database\)/);
    expect(textOf(await h.cmd('admin', 'reject 1'))).toMatch(/already approved/);
    expect(toldPrivately(h, 'ann')).toEqual([expect.stringMatching(/^Your suggested question "What is a covering index in a relational database\?" was approved/)]);
    expect(h.store.admins.recentActions(PLACE.scopeId, 1)[0]).toMatchObject({ action: 'approve', actorId: 'discord:admin', detail: 'suggestion #1 as team-1-covering-index-relational-database' });
    expect(textOf(await h.cmd('admin', 'settings'))).toMatch(/admin: approve suggestion #1/);
    expect(textOf(await h.cmd('ann', 'topics'))).toMatch(/team \(1 question\): databases \(1\)/);
  });

  it('rejects with a reason the member reads, and finds no suggestion of another server', async () => {
    const h = harness();
    await h.cmd('ann', `suggest ${COVERING_INDEX}`);
    expect(textOf(await h.cmd('admin', 'reject 1 We cover indexes next month.'), )).toMatch(/Suggestion #1 rejected with your reason; ann was told privately/);
    expect(toldPrivately(h, 'ann')[0]).toMatch(/was not added to the pack\. The admin's reason: We cover indexes next month\. You can suggest it again, changed, with \/prep suggest\./);
    expect(h.store.admins.recentActions(PLACE.scopeId, 1)[0]).toMatchObject({ action: 'reject', detail: 'suggestion #1: We cover indexes next month.' });

    await h.cmd('ann', `suggest ${COVERING_INDEX}`);
    expect(textOf(await h.cmd('admin', 'approve 2', OTHER_SCOPE))).toMatch(/Suggestion #2 was not found in this server/);
    expect(textOf(await h.cmd('admin', 'suggestions', OTHER_SCOPE))).toMatch(/No suggestions are waiting/);
    expect(h.store.suggestions.getSuggestion(2)?.status).toBe('pending');
  });

  it('asks an approved question as the daily question of its own server only; other servers never see it', async () => {
    const h = harness();
    const id = await suggestAndApprove(h);
    expect(textOf(await h.cmd('admin', 'settings packs team'))).toMatch(/now asks questions of team \(1 question\)/);
    await h.cmd('admin', 'daily');
    const post = h.chat.of('question').at(-1)!.reply as QuestionReply;
    expect(post).toMatchObject({ questionId: id, pack: 'team', topic: 'databases', prompt: 'What is a covering index in a relational database?' });
    await h.answer('bob', 'A covering index holds every column the query reads [score 8]');
    expect(h.chat.of('grade').at(-1)!.reply.score).toBe(8);

    // Another server: no team pack to choose, and "every pack" never reaches this one's question.
    expect(textOf(await h.cmd('admin', 'settings packs team', OTHER_SCOPE))).toMatch(/"team" is not a pack\. Packs: test-pack/);
    expect(textOf(await h.cmd('bob', 'topics', OTHER_SCOPE))).not.toMatch(/team/);
    for (let day = 0; day < 8; day++) {
      await h.cmd('admin', 'daily', OTHER_SCOPE);
      const quiz = (await h.cmd('bob', 'quiz', OTHER_SCOPE)) as QuestionReply[];
      expect(quiz[0]!.questionId).not.toBe(id);
      h.clock.advance(DAY);
    }
    const elsewhere = h.chat.sent.filter((s) => s.target.channelId === OTHER_SCOPE.channelId && s.reply.kind === 'question').map((s) => (s.reply as QuestionReply).questionId);
    expect(elsewhere.length).toBeGreaterThanOrEqual(8);
    expect(elsewhere).not.toContain(id);
    // Every pack, here, includes the team pack: the cycle takes four questions.
    expect(textOf(await h.cmd('admin', 'settings packs all'))).toMatch(/questions of every pack \(4 questions\)/);
  });

  it('exports the pack as Markdown files that content:check accepts', async () => {
    const h = harness();
    expect(textOf(await h.cmd('admin', 'export pack'))).toMatch(/no questions of its own yet/);
    await suggestAndApprove(h);
    const second = COVERING_INDEX.replace('What is a covering index in a relational database?', 'Why would a query planner prefer a covering index?');
    // Too close to the first: the team pack counts for near-duplicates too.
    const dup = await formOf(h.cmd('ann', `suggest ${second}`));
    expect(dup.problems[0]).toMatchObject({ field: 'question', message: expect.stringMatching(/your team pack/) });
    expect(textOf(await h.cmd('admin', 'export nonsense'))).toMatch(/"nonsense" is not something to export/);
    const reply = ((await h.cmd('admin', 'export pack')) as TextReply[])[0]!;
    expect(reply.text).toMatch(/1 question as Markdown files in the content format/);
    expect(reply.folder!.files.map((f) => f.path)).toEqual(['team/01-covering-index-relational-database.md']);
    expect(h.store.admins.recentActions(PLACE.scopeId, 1)[0]).toMatchObject({ action: 'export', detail: 'pack: 1 question' });

    const dir = mkdtempSync(join(tmpdir(), 'prepbot-pack-'));
    for (const f of reply.folder!.files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.content);
    }
    const out: string[] = [];
    expect(await runContentCheck([dir], {}, (l) => out.push(l), (l) => out.push(l))).toBe(0);
    expect(out[0]).toBe('OK: 1 question in 1 pack (team: 1)');
  });
});
