/**
 * The ack benchmark's floor: a bare Bolt 5 app over HTTP, configured like prepbot's receiver
 * (signature check on, `processBeforeResponse: false`, the same Web API stand-in) whose only
 * listener acks the answer modal's submission. Run as a child process by bench/ack.ts; prints
 * `{"port":N}` once listening.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
  deferInitialization: true,
});
app.view('prepbot_answer_modal', async ({ ack }) => {
  await ack();
});
await app.init();
const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port, msg: 'bare bolt listening' })}\n`);
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
