import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackListeners } from '../../../src/adapters/slack/listener-table.js';

/** The table's one Bolt middleware, as Bolt would call it, and what each request reached. */
function routed() {
  const seen: string[] = [];
  const table = new SlackListeners();
  table.action('answer', async () => void seen.push('action answer'));
  table.view('answer-modal', async () => void seen.push('view answer-modal'));
  table.event('app_home_opened', async () => void seen.push('event app_home_opened'));
  table.command(async () => void seen.push('command'));
  let middleware: ((args: object) => Promise<void>) | undefined;
  table.attach({ use: (fn: (args: object) => Promise<void>) => (middleware = fn) } as unknown as App);
  const send = async (args: object) => {
    await middleware!({ ...args, next: async () => void seen.push('next') });
    return seen.splice(0);
  };
  return send;
}

describe("prepbot's Slack listeners as one Bolt middleware", () => {
  it('picks the handler by action id, callback id, event type, or the command handler for any slash command', async () => {
    const send = routed();
    expect(await send({ body: { type: 'block_actions' }, action: { action_id: 'answer' } })).toEqual(['action answer']);
    expect(await send({ body: { type: 'view_submission' }, view: { callback_id: 'answer-modal' } })).toEqual(['view answer-modal']);
    expect(await send({ body: { type: 'event_callback' }, event: { type: 'app_home_opened' } })).toEqual(['event app_home_opened']);
    expect(await send({ body: { command: '/prep' }, command: { command: '/prep' } })).toEqual(['command']);
  });

  it('hands Bolt what it has no handler for: other ids, a closed modal, other events', async () => {
    const send = routed();
    expect(await send({ body: { type: 'block_actions' }, action: { action_id: 'someone-elses' } })).toEqual(['next']);
    expect(await send({ body: { type: 'view_closed' }, view: { callback_id: 'answer-modal' } })).toEqual(['next']);
    expect(await send({ body: { type: 'event_callback' }, event: { type: 'reaction_added' } })).toEqual(['next']);
    expect(await send({ body: { type: 'shortcut' }, shortcut: {} })).toEqual(['next']);
  });

  it('refuses two handlers for the same id', () => {
    const table = new SlackListeners();
    table.view('answer-modal', async () => {});
    expect(() => table.view('answer-modal', async () => {})).toThrow('two Slack handlers for answer-modal');
    table.command(async () => {});
    expect(() => table.command(async () => {})).toThrow('two Slack handlers for slash commands');
  });
});
