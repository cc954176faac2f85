import { describe, expect, it } from 'vitest';
import { DuePosts } from '../../src/scheduler/due-posts.js';

/** A run that finishes when the test says so, recording when each channel's post started and what `at` it was judged by. */
function gatedRuns() {
  const started: { channelId: string; at: number }[] = [];
  const gates = new Map<string, () => void>();
  const run = (channelId: string, at: number) =>
    new Promise<string>((resolve) => {
      started.push({ channelId, at });
      gates.set(channelId, () => resolve(`posted ${channelId}`));
    });
  const finish = async (channelId: string) => {
    gates.get(channelId)!();
    await new Promise((r) => setImmediate(r));
  };
  return { started, run, finish };
}

describe('due posts, queued per platform', () => {
  it('runs a few of a platform at once, and the next when one finishes', async () => {
    const g = gatedRuns();
    const due = new DuePosts({ concurrency: 2, now: () => 1_000, run: g.run });
    const all = ['discord:1:a', 'discord:1:b', 'discord:1:c'].map((id) => due.queue(id));
    await new Promise((r) => setImmediate(r));
    expect(g.started.map((s) => s.channelId)).toEqual(['discord:1:a', 'discord:1:b']);
    await g.finish('discord:1:a');
    expect(g.started.map((s) => s.channelId)).toEqual(['discord:1:a', 'discord:1:b', 'discord:1:c']);
    await g.finish('discord:1:b');
    await g.finish('discord:1:c');
    expect(await Promise.all(all)).toEqual(['posted discord:1:a', 'posted discord:1:b', 'posted discord:1:c']);
  });

  it("never makes one platform's posts wait behind another's", async () => {
    const g = gatedRuns();
    const due = new DuePosts({ concurrency: 1, now: () => 1_000, run: g.run });
    void due.queue('discord:1:a');
    void due.queue('discord:1:b');
    const slack = due.queue('slack:T1:C1');
    await new Promise((r) => setImmediate(r));
    expect(g.started.map((s) => s.channelId)).toEqual(['discord:1:a', 'slack:T1:C1']);
    await g.finish('slack:T1:C1');
    expect(await slack).toBe('posted slack:T1:C1');
  });

  it('queues a channel once while it waits, judged by when it was first queued', async () => {
    const g = gatedRuns();
    let now = 1_000;
    const due = new DuePosts({ concurrency: 1, now: () => now, run: g.run });
    void due.queue('slack:T1:C1');
    const first = due.queue('slack:T1:C2');
    now = 61_000;
    const again = due.queue('slack:T1:C2');
    expect(again).toBe(first);
    await new Promise((r) => setImmediate(r));
    await g.finish('slack:T1:C1');
    expect(g.started).toEqual([
      { channelId: 'slack:T1:C1', at: 1_000 },
      { channelId: 'slack:T1:C2', at: 1_000 },
    ]);
    await g.finish('slack:T1:C2');
    // Once it has run, a later tick queues it anew.
    void due.queue('slack:T1:C2');
    await new Promise((r) => setImmediate(r));
    expect(g.started.at(-1)).toEqual({ channelId: 'slack:T1:C2', at: 61_000 });
  });
});
