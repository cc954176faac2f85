import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL_ID, MEMBER } from '../../stand-ins/discord-stand-in.js';
import { firstButton, gradeIn, startRig, visible, type Rig } from './rig.js';

const EPHEMERAL = 64;
let rig: Rig | null = null;
const dirs: string[] = [];

afterEach(async () => {
  await rig?.stop();
  rig = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the Discord adapter when things go wrong', () => {
  it('turns a failing handler into a polite ephemeral reply and a log line', async () => {
    rig = await startRig();
    rig.standIn.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, { status: 400, code: 50035, message: 'Invalid Form Body' });
    const ix = rig.standIn.slash(MEMBER, 'stats');
    const sorry = await rig.standIn.waitFor(() => ix.original, 'the apology');
    expect(ix.callbacks.map((c) => c.status)).toEqual([400, 204]);
    expect(sorry.content).toMatch(/Something went wrong on my side/);
    expect(sorry.flags & EPHEMERAL).toBe(EPHEMERAL);
    const logged = rig.logger.entries.find((e) => e.msg === 'discord interaction failed')!.obj as { err: object };
    expect(logged.err).toMatchObject({ code: 50035, status: 400 });
    expect(logged.err).not.toHaveProperty('requestBody');
  });

  it('keeps running after Discord refuses a late response, and answers the next interaction', async () => {
    rig = await startRig();
    rig.standIn.world.responseWindowMs = -1;
    const late = rig.standIn.slash(MEMBER, 'help');
    await rig.standIn.waitFor(() => late.callbacks.length >= 2, 'the refused reply and the attempted apology');
    expect(late.callbacks.every((c) => c.status === 404)).toBe(true);
    expect(rig.logs('error')).toContain('discord interaction failed');

    rig.standIn.world.responseWindowMs = 3000;
    const next = rig.standIn.slash(MEMBER, 'help');
    expect((await rig.standIn.waitFor(() => next.original, 'the next reply')).content).toMatch(/leaderboard/);
  });

  it('reconnects after the gateway drops and still takes commands', async () => {
    rig = await startRig();
    rig.standIn.gateway.drop(4000);
    await rig.standIn.waitFor(() => rig!.standIn.gateway.resumes + rig!.standIn.gateway.identifies.length > 1 && rig!.standIn.gateway.connected === 1, 'the reconnect');
    const ix = rig.standIn.slash(MEMBER, 'help');
    expect((await rig.standIn.waitFor(() => ix.original, 'a reply after the reconnect')).content).toMatch(/leaderboard/);
  });

  it('keeps the round in the database: an Answer button from before a restart still works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prepbot-discord-'));
    dirs.push(dir);
    const env = { DATABASE_PATH: join(dir, 'prepbot.sqlite') };
    rig = await startRig({ env });
    const daily = rig.standIn.slash(ADMIN, 'daily');
    await rig.standIn.waitFor(() => daily.original, 'the daily reply');
    const post = rig.standIn.messagesIn(CHANNEL_ID)[0]!;
    await rig.stop();

    rig = await startRig({ env });
    const press = rig.standIn.press(MEMBER, post, firstButton(post).custom_id);
    const modal = await rig.standIn.waitFor(() => press.modal, 'the modal after the restart');
    const submit = rig.standIn.submit(MEMBER, modal.custom_id, { answer: 'after the restart [score 6]' });
    expect(visible(await rig.standIn.waitFor(() => gradeIn(submit), 'the grade'))).toMatch(/Score: 6\/10/);
    expect(rig.app.store.figures.roundResults(1)).toEqual([expect.objectContaining({ score: 6 })]);
  });
});
