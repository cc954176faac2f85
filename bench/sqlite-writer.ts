/**
 * What the SQLite writer sustains, on the database the rush just filled (its channels, rounds and
 * post intents), through the real store with the bot's own settings, once the bot has stopped: for
 * every channel, the writes one daily post makes, each committed on its own as the bot commits
 * them (the round claimed with its post's intent, the attempt begun, the post marked sent, the
 * message's id kept on the round). A figure of capacity, to set beside the platforms' limits.
 */
import { ROUND_POST } from '../src/core/post-identity.js';
import { SqliteStore } from '../src/storage/sqlite-store.js';

/** Write transactions per daily post on the path above. */
const WRITES_PER_POST = 4;

export function sqliteWriterProbe(dbFile: string, channels: { channelId: string; scopeId: string }[], localDate: string): { writesPerSecond: number; postsPerSecond: number } {
  const store = SqliteStore.open(dbFile);
  try {
    const lease = { owner: 'bench-writer', until: Date.now() + 60_000 };
    const started = performance.now();
    for (const [i, c] of channels.entries()) {
      const now = Date.now();
      const round = store.rounds.claimRound(
        { channelId: c.channelId, scopeId: c.scopeId, localDate, questionId: `bench-q${i}`, cycle: 0, postedAt: now, closesAt: now + 86_400_000 },
        lease,
      );
      if (!round) throw new Error(`the writer probe found ${c.channelId}'s ${localDate} round taken`);
      const key = String(round.id);
      if (!store.posts.beginPostAttempt(ROUND_POST, key, lease, now)) throw new Error(`the writer probe could not begin round ${key}'s post`);
      store.posts.postSent(ROUND_POST, key, `ref-${key}`, now);
      store.rounds.roundDelivered(round.id, `ref-${key}`);
    }
    const seconds = (performance.now() - started) / 1000;
    return { writesPerSecond: (channels.length * WRITES_PER_POST) / seconds, postsPerSecond: channels.length / seconds };
  } finally {
    store.close();
  }
}
