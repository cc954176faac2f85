import { RateLimitError, REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscordStandIn, CHANNEL_ID } from '../../stand-ins/discord-stand-in.js';
import type { DiscordLimits } from '../../stand-ins/discord-rate-limits.js';

const OTHER_CHANNEL = '1200000000000000012';
const T0 = Date.UTC(2026, 0, 5, 9, 0);

/**
 * discord.js's REST client as the adapter sets it up for channel routes: a rate limit comes back as
 * a RateLimitError instead of being waited out inside discord.js. Each client is one process's
 * view of the limits (two shards share a token but not what their clients learnt).
 */
const restFor = (s: DiscordStandIn) => new REST({ api: s.apiUrl, rejectOnRateLimit: ['/channels'], globalRequestsPerSecond: 1_000, retries: 0 }).setToken(s.token);

describe("the Discord stand-in enforces Discord's REST limits", () => {
  let discord: DiscordStandIn;
  const start = async (rateLimits: DiscordLimits) => {
    discord = await DiscordStandIn.start({ rateLimits });
    discord.world.now = () => T0;
  };
  afterEach(async () => {
    await discord.close();
  });

  it("sends the route bucket's X-RateLimit headers, which discord.js reads and waits on before asking again", async () => {
    await start({ globalPerSecond: 50, routeLimit: 2, routeWindowMs: 5_000 });
    const rest = restFor(discord);
    await rest.post(Routes.channelMessages(CHANNEL_ID), { body: { content: 'one' } });
    await rest.post(Routes.channelMessages(CHANNEL_ID), { body: { content: 'two' } });
    const err = await rest.post(Routes.channelMessages(CHANNEL_ID), { body: { content: 'three' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ global: false, route: '/channels/:id/messages', majorParameter: CHANNEL_ID, limit: 2 });
    expect((err as RateLimitError).retryAfter).toBeGreaterThan(4_000);
    // discord.js knew from the headers: the third never reached Discord.
    expect(discord.rest.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([200, 200]);
  });

  it('answers 429 with Retry-After and retry_after to a client that did not know the bucket was spent, and counts each channel apart', async () => {
    await start({ globalPerSecond: 50, routeLimit: 2, routeWindowMs: 5_000 });
    const first = restFor(discord);
    for (const content of ['one', 'two']) await first.post(Routes.channelMessages(CHANNEL_ID), { body: { content } });
    const second = restFor(discord);
    const err = await second.post(Routes.channelMessages(CHANNEL_ID), { body: { content: 'three' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ global: false, scope: 'user', retryAfter: 5_050 });
    await second.post(Routes.channelMessages(OTHER_CHANNEL), { body: { content: 'elsewhere' } });
    expect(discord.rest.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(discord.messagesIn(CHANNEL_ID)).toHaveLength(2);

    const raw = await fetch(`${discord.apiUrl}/v10/channels/${CHANNEL_ID}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${discord.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'four' }),
    });
    expect(raw.status).toBe(429);
    expect(Object.fromEntries(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset-after', 'x-ratelimit-scope'].map((h) => [h, raw.headers.get(h)]))).toEqual({
      'retry-after': '5',
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': '5.000',
      'x-ratelimit-scope': 'user',
    });
    expect(raw.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);
    expect(await raw.json()).toEqual({ message: 'You are being rate limited.', retry_after: 5, global: false });
  });

  it('refuses the request past the global limit on any route with a global 429, and discord.js holds every route', async () => {
    await start({ globalPerSecond: 2, routeLimit: 100, routeWindowMs: 5_000 });
    const rest = restFor(discord);
    await rest.post(Routes.channelMessages(CHANNEL_ID), { body: { content: 'one' } });
    await rest.get(Routes.channel(OTHER_CHANNEL));
    const err = await rest.post(Routes.channelMessages(OTHER_CHANNEL), { body: { content: 'two' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ global: true, retryAfter: 1_050 });
    const res = discord.rest.requests.at(-1)!;
    expect(res).toMatchObject({ method: 'POST', status: 429 });
    expect(discord.messagesIn(OTHER_CHANNEL)).toHaveLength(0);
    // Held globally now: the next request on another route is refused by discord.js itself.
    await expect(rest.get(Routes.channel(CHANNEL_ID))).rejects.toMatchObject({ global: true });
    expect(discord.rest.limits!.refused).toEqual({ global: 1, route: 0 });
  });

  it('never limits interaction responses, which Discord exempts from the global limit', async () => {
    await start({ globalPerSecond: 1, routeLimit: 1, routeWindowMs: 5_000 });
    expect(discord.rest.limits!.check('POST', '/interactions/1/token/callback')).toBeNull();
    expect(discord.rest.limits!.check('PATCH', '/webhooks/1/token/messages/@original')).toBeNull();
    expect(discord.rest.limits!.check('POST', `/channels/${CHANNEL_ID}/messages`)?.refused).toBeUndefined();
    expect(discord.rest.limits!.check('POST', `/channels/${CHANNEL_ID}/messages`)?.refused?.json.global).toBe(true);
  });
});
