import type { Command } from './command.js';

/**
 * `answer [text]`. Where forms exist (Discord, Slack) the adapter turns `answer` without text into
 * the form of the open question; here, without text, the member is told how to write one.
 */
export const answer: Command = {
  verb: 'answer',
  admin: false,
  usage: 'answer [text]',
  summary: 'answer your open question; on Discord and Slack, without text, the answer form opens',
  options: [{ name: 'text', description: 'Your answer (leave it out to write it in a form)', rest: true }],
  run({ answers, actor, place, args, replyRoute, deliveryId }) {
    return [answers.submit(actor, place, args, { replyRoute, deliveryId })];
  },
};
