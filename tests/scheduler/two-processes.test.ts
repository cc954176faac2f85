import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { OTHER_CHANNEL, OTHER_SCOPE, PLACE } from '../fakes/harness.js';
import { scheduledBot } from './scheduled-bot.js';

const run = promisify(execFile);

it('two bot processes sweeping one database at 09:00 make one post per channel', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'prepbot-two-'));
  const file = join(dir, 'bot.sqlite');
  const setup = scheduledBot({ start: '2026-11-22T12:00:00Z', store: SqliteStore.open(file) });
  for (const place of [PLACE, OTHER_CHANNEL, OTHER_SCOPE]) await setup.cmd('admin', 'schedule 09:00 UTC daily', place);
  setup.store.close();

  const script = join(import.meta.dirname, 'fixtures', 'sweep-process.ts');
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const outputs = await Promise.all(['a', 'b'].map((name) => run(tsx, [script, file, '2026-11-23T09:00:00Z', dir, name])));
  const results = outputs.map((o) => JSON.parse(o.stdout) as { posted: string[]; questions: number });

  expect(results.flatMap((r) => r.posted).sort()).toEqual([PLACE.channelId, OTHER_CHANNEL.channelId, OTHER_SCOPE.channelId].sort());
  expect(results.reduce((n, r) => n + r.questions, 0)).toBe(3);
  const store = SqliteStore.open(file);
  expect(store.db.prepare('SELECT channel_id, local_date FROM rounds ORDER BY channel_id').all()).toHaveLength(3);
  store.close();
});

it("leaves another process's channels alone (a Discord shard posts only in its servers' channels), arming and sweeping only its own", async () => {
  const mine = new Set([PLACE.channelId, OTHER_CHANNEL.channelId]);
  const b = scheduledBot({ start: '2026-11-22T12:00:00Z', serves: (id) => mine.has(id) });
  for (const place of [PLACE, OTHER_CHANNEL, OTHER_SCOPE]) await b.cmd('admin', 'schedule 09:00 UTC daily', place);
  await b.scheduler.start(b.bot.rounds);
  // One task for the schedule the two served channels share; the other process's channel is not on it.
  expect([...b.cron.live().keys()].filter((n) => n.startsWith('prepbot:post:'))).toEqual(['prepbot:post:0 9 * * * UTC']);
  await b.run('2026-11-23T08:59:00Z', '2026-11-23T09:01:00Z');
  expect(b.rounds(PLACE.channelId)).toHaveLength(1);
  expect(b.rounds(OTHER_CHANNEL.channelId)).toHaveLength(1);
  expect(b.rounds(OTHER_SCOPE.channelId)).toEqual([]);
  await b.scheduler.stop();
});
