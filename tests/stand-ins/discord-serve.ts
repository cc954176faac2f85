/**
 * Runs the Discord stand-in on its own, for trying the bot by hand without Discord:
 *
 *   npx tsx tests/stand-ins/discord-serve.ts --port 9000 --demo
 *   DISCORD_TOKEN=stand-in-token DISCORD_API_URL=http://127.0.0.1:9000/api npm start
 *
 * With --demo, once the bot connects it plays a round (an admin posts the daily question, a member
 * answers through the button and the modal, the admin reveals) and prints what reached "Discord".
 */
import { ADMIN, CHANNEL_ID, DiscordStandIn, MEMBER } from './discord-stand-in.js';
import type { StoredMessage } from './discord-rest.js';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] ?? 9000) || 9000;
const demo = args.includes('--demo');

function show(label: string, m: StoredMessage | null | undefined): void {
  if (!m) return void console.log(`${label}: (nothing)`);
  const embeds = m.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).map((f: { name: string; value: string }) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n    '));
  const flags = m.flags & 64 ? ' [ephemeral]' : '';
  console.log(`${label}${flags}: ${[m.content, ...embeds].filter(Boolean).join('\n    ')}`);
}

async function playRound(s: DiscordStandIn): Promise<void> {
  const daily = s.slash(ADMIN, 'daily');
  show('/prep daily (admin)', await s.waitFor(() => daily.original, 'the daily reply'));
  const post = await s.waitFor(() => s.messagesIn(CHANNEL_ID)[0], 'the daily post');
  show('#interview-prep', post);
  const press = s.press(MEMBER, post, post.components[0].components[0].custom_id);
  const modal = await s.waitFor(() => press.modal, 'the modal');
  console.log(`Answer button -> modal "${modal.title}" (${modal.custom_id})`);
  const submit = s.submit(MEMBER, modal.custom_id, { answer: 'Attention lets each token weigh every other token by query-key similarity.' });
  show('modal submit -> private reply', await s.waitFor(() => (submit.original?.embeds.length ? submit.original : null), 'the grade', 30_000));
  const reveal = s.slash(ADMIN, 'reveal');
  await s.waitFor(() => reveal.original, 'the reveal reply');
  show('summary thread', await s.waitFor(() => s.threadOn(post.id)?.messages[0], 'the summary'));
  show('#interview-prep after reveal', s.messagesIn(CHANNEL_ID)[0]);
}

const standIn = await DiscordStandIn.start({ port });
console.log(`Discord stand-in on ${standIn.apiUrl}\n  DISCORD_TOKEN=${standIn.token} DISCORD_API_URL=${standIn.apiUrl} npm start`);
if (demo) {
  await standIn.waitFor(() => standIn.gateway.connected > 0, 'the bot to connect', 10 * 60_000);
  console.log('bot connected; playing a round');
  await playRound(standIn).catch((err: unknown) => console.error(`demo failed: ${String(err)}`));
  console.log(`refused interaction responses: ${standIn.refusedCallbacks().length}`);
}
process.once('SIGINT', () => void standIn.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void standIn.close().then(() => process.exit(0)));
