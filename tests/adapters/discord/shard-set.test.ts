import { describe, expect, it } from 'vitest';
import { ALL_SHARDS, servesChannel, shardsOfProcess } from '../../../src/adapters/discord/sharding/shard-set.js';

/** (1200000000004194305 >> 22) % 2 = 0; (1200000000000000001 >> 22) % 2 = 1. */
const ON_0 = 'discord:1200000000004194305:1200000000004194311';
const ON_1 = 'discord:1200000000000000001:1200000000000000011';
const OWN_SPACE = 'discord:dm:1400000000000000002';

describe('the shards of a process', () => {
  it('are all of them unless SHARDS and SHARD_COUNT name some, as discord.js sets them for a shard process', () => {
    expect(shardsOfProcess({})).toBe(ALL_SHARDS);
    expect(shardsOfProcess({ SHARDS: '1', SHARD_COUNT: '2' })).toEqual({ ids: [1], count: 2 });
    expect(shardsOfProcess({ SHARDS: '[0,2]', SHARD_COUNT: '4' })).toEqual({ ids: [0, 2], count: 4 });
    expect(() => shardsOfProcess({ SHARDS: '2', SHARD_COUNT: '2' })).toThrow(/do not name shards of this bot/);
  });

  it("own the channels of the servers Discord puts on them, and a member's own space on shard 0, where DMs arrive", () => {
    const zero = { ids: [0], count: 2 };
    const one = { ids: [1], count: 2 };
    expect([ON_0, ON_1, OWN_SPACE].map((c) => servesChannel(zero, c))).toEqual([true, false, true]);
    expect([ON_0, ON_1, OWN_SPACE].map((c) => servesChannel(one, c))).toEqual([false, true, false]);
    expect([ON_0, ON_1, OWN_SPACE].map((c) => servesChannel(ALL_SHARDS, c))).toEqual([true, true, true]);
    expect(servesChannel(ALL_SHARDS, 'slack:T1:C1')).toBe(false);
  });
});
