import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runContentCheck } from '../../../src/content/check-cli.js';
import { allText, CHANNEL, startRig, type Rig } from './rig.js';

const FIELDS = {
  question: 'What is a covering index in a relational database?',
  reference: 'A covering index holds every column a query reads, so the database answers the query from the index alone without reading the table rows. It saves a lookup into the table for each matching row, which makes reads faster. The cost is a larger index and slower writes.',
  keyPoints: 'A covering index holds every column the query reads\nThe database answers the query from the index alone without reading table rows\nIt saves lookups into the table, so reads are faster',
  topic: 'databases',
  hint: '',
};

describe('suggesting a question on Slack', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await rig.stop();
  });

  function submission(view: Record<string, unknown>, fields: Record<string, string>, difficulty?: string, user = 'UALICE'): string {
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]));
    values.difficulty = { value: { type: 'static_select', selected_option: difficulty ? { value: difficulty, text: { type: 'plain_text', text: difficulty } } : null } } as never;
    return new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T1', domain: 'test' },
        user: { id: user, username: user.slice(1).toLowerCase(), name: user.slice(1).toLowerCase(), team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger.suggest.${Math.random()}`,
        view: { id: 'VS', team_id: 'T1', hash: '1.s', ...view, state: { values } },
      }),
    }).toString();
  }

  it('opens the form, keeps it open with each problem beside its field, and once approved asks the question and exports it as a zip content:check accepts', async () => {
    await rig.command('suggest');
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const view = rig.api.callsTo('views.open')[0]!.body.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; type: string }[] };
    expect(view.callback_id).toBe('prepbot_suggest_modal');
    expect(JSON.parse(view.private_metadata)).toEqual({ team: 'T1', channel: CHANNEL });
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['question', 'reference', 'keyPoints', 'topic', 'difficulty', 'hint']);

    const refused = await rig.send(submission(view, FIELDS, 'hard'));
    expect(refused.json).toEqual({ response_action: 'errors', errors: { keyPoints: 'Give 4 to 7 key points; found 3.' } });
    expect(rig.app.store.suggestions.draft('slack:T1', 'slack:T1:UALICE')?.question).toBe(FIELDS.question);

    const fixed = { ...FIELDS, keyPoints: `${FIELDS.keyPoints}\nThe cost is a larger index and slower writes` };
    const sent = await rig.send(submission(view, fixed, 'hard'));
    expect(sent.json).toMatchObject({ response_action: 'update' });
    expect(allText(sent.json)).toMatch(/suggestion #1 is with the admins/);
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UROOT' && allText(c.body).includes('Suggestion #1 from')));

    const { responseId } = await rig.command('approve 1', { user: 'UADMIN' });
    await rig.until(() => rig.responses(responseId).length === 1);
    expect(allText(rig.responses(responseId)[0])).toMatch(/Suggestion #1 approved as team-1-covering-index-relational-database \(hard\)/);
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === 'UALICE' && allText(c.body).includes('was approved')));

    await rig.command('settings packs team', { user: 'UADMIN' });
    await rig.command('daily', { user: 'UADMIN' });
    await rig.until(() => rig.api.callsTo('chat.postMessage').some((c) => c.body.channel === CHANNEL && allText(c.body).includes(FIELDS.question)));

    await rig.command('export pack', { user: 'UADMIN' });
    await rig.until(() => rig.api.files.length === 1);
    expect(rig.api.callsTo('files.getUploadURLExternal')[0]!.body.filename).toMatch(/^prepbot-pack-slack-T1-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(rig.api.files[0]!.bytes));
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-slack-pack-'));
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    const folder = Object.keys(files)[0]!.split('/')[0]!;
    expect(Object.keys(files)).toEqual([`${folder}/team/01-covering-index-relational-database.md`]);
    const out: string[] = [];
    expect(await runContentCheck([join(dir, folder)], {}, (l) => out.push(l), (l) => out.push(l))).toBe(0);
  });

  it('opens the form with the text and the problems when suggest is typed with fields that do not pass', async () => {
    await rig.command('suggest question: What is a covering index? reference: It holds every column. key points: one; two');
    await rig.until(() => rig.api.callsTo('views.open').length === 1);
    const view = rig.api.callsTo('views.open')[0]!.body.view as { blocks: { block_id?: string; hint?: { text: string }; element?: { initial_value?: string } }[] };
    const keyPoints = view.blocks.find((b) => b.block_id === 'keyPoints')!;
    expect(keyPoints.hint!.text).toMatch(/^To fix: Give 4 to 7 key points; found 2\./);
    expect(keyPoints.element!.initial_value).toBe('one; two');
    expect(view.blocks.find((b) => b.block_id === 'question')!.element!.initial_value).toBe('What is a covering index?');
  });
});
