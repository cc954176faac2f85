import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runContentCheck } from '../../../src/content/check-cli.js';
import { ADMIN, CHANNEL_ID, GUILD_ID, MEMBER } from '../../stand-ins/discord-stand-in.js';
import { slashReply } from './play.js';
import { startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
const MODAL = 9;
let rig: Rig | null = null;

afterEach(async () => {
  if (rig) expect(rig.standIn.refusedCallbacks()).toEqual([]);
  await rig?.stop();
  rig = null;
});

const FIELDS = {
  'suggest-question': 'What is a covering index in a relational database?',
  'suggest-reference': 'A covering index holds every column a query reads, so the database answers the query from the index alone without reading the table rows. It saves a lookup into the table for each matching row, which makes reads faster. The cost is a larger index and slower writes.',
  'suggest-key-points': '- A covering index holds every column the query reads\n- The database answers the query from the index alone without reading table rows\n- It saves lookups into the table, so reads are faster',
  'suggest-details': 'databases hard',
  'suggest-hint': '',
};

/** The text inputs of a modal (inside its label components): custom_id -> { value, description }. */
function inputsOf(modal: { components: { type: number; description?: string; component?: { custom_id: string; value?: string; max_length?: number } }[] }) {
  return Object.fromEntries(modal.components.filter((c) => c.type === 18).map((c) => [c.component!.custom_id, { value: c.component!.value, description: c.description, max: c.component!.max_length }]));
}

describe('suggesting a question on Discord', () => {
  it('opens a five-input modal, brings it back with the text and what to fix, and once approved asks the question and exports a zip content:check accepts', async () => {
    rig = await startRig();
    const open = rig.standIn.slash(MEMBER, 'suggest');
    const modal = await rig.standIn.waitFor(() => open.modal, 'the suggestion modal');
    expect(open.callbacks[0]?.type).toBe(MODAL);
    expect(modal.custom_id).toBe('suggest-form');
    const inputs = inputsOf(modal);
    expect(Object.keys(inputs)).toEqual(['suggest-question', 'suggest-reference', 'suggest-key-points', 'suggest-details', 'suggest-hint']);
    expect(Object.values(inputs).every((i) => i.max! <= 4000)).toBe(true);

    // Three key points: the reply says what to fix and offers the form again, with the text kept.
    const refused = rig.standIn.submit(MEMBER, 'suggest-form', FIELDS);
    const reply = await rig.standIn.waitFor(() => (refused.original?.edits ? refused.original : null), 'what to fix');
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/Key points: Give 4 to 7 key points; found 3\./);
    const button = reply.components[0].components[0];
    expect(button).toMatchObject({ custom_id: 'suggest-edit', label: 'Fix the suggestion' });
    const again = rig.standIn.press(MEMBER, reply, 'suggest-edit');
    const reopened = inputsOf(await rig.standIn.waitFor(() => again.modal, 'the modal again'));
    expect(reopened['suggest-question']!.value).toBe(FIELDS['suggest-question']);
    expect(reopened['suggest-details']!.value).toBe('databases hard');
    expect(reopened['suggest-key-points']!.description).toMatch(/^To fix: Give 4 to 7 key points; found 3\./);

    const fixed = { ...FIELDS, 'suggest-key-points': `${FIELDS['suggest-key-points']}\n- The cost is a larger index and slower writes` };
    const sent = rig.standIn.submit(MEMBER, 'suggest-form', fixed);
    const thanks = await rig.standIn.waitFor(() => (sent.original?.edits ? sent.original : null), 'the thanks');
    expect(thanks.content).toMatch(/Thanks: suggestion #1 is with the admins/);
    expect(rig.app.store.suggestions.getSuggestion(1)).toMatchObject({ topic: 'databases', difficulty: 'hard', scopeId: `discord:${GUILD_ID}` });

    const listed = await slashReply(rig, ADMIN, 'suggestions');
    expect(listed.content).toMatch(/#1 from Ada \[databases, hard\]: What is a covering index/);
    expect(listed.content).toMatch(/\/prep admin approve 1 \[easy\|medium\|hard\]/);
    expect((await slashReply(rig, ADMIN, 'approve', { suggestion: '1' })).content).toMatch(/Suggestion #1 approved as team-1-covering-index-relational-database \(hard\)/);
    const told = await rig.standIn.waitFor(() => rig!.standIn.dmsTo(MEMBER.id).find((m) => m.content.includes('was approved')), "the member's DM");
    expect(told.content).toMatch(/^Your suggested question "What is a covering index in a relational database\?" was approved/);

    await slashReply(rig, ADMIN, 'settings', { key: 'packs', value: 'team' });
    await slashReply(rig, ADMIN, 'daily');
    const post = await rig.standIn.waitFor(() => rig!.standIn.messagesIn(CHANNEL_ID)[0], 'the daily post');
    expect(visible(post)).toMatch(/What is a covering index in a relational database\?/);

    const exported = await slashReply(rig, ADMIN, 'export', { what: 'pack' });
    expect(exported.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(exported.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/^prepbot-pack-discord-\d+-\d{4}-\d{2}-\d{2}\.zip$/)]);
    const files = unzipSync(new Uint8Array(exported.attachments[0]!.bytes));
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-discord-pack-'));
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const folder = Object.keys(files)[0]!.split('/')[0]!;
    const out: string[] = [];
    expect(await runContentCheck([join(dir, folder)], {}, (l) => out.push(l), (l) => out.push(l))).toBe(0);
    expect(out[0]).toBe('OK: 1 question in 1 pack (team: 1)');
  });
});
