import { text } from '../replies.js';
import type { Command } from './command.js';

/** `help` lists the verbs of the registry it is given. */
export function helpCommand(all: () => Command[]): Command {
  return {
    verb: 'help',
    admin: false,
    usage: 'help',
    summary: 'usage',
    options: [],
    run() {
      const lines = ['prepbot: a question of the day, graded answers, leaderboards and practice.', ''];
      for (const c of all()) lines.push(`  ${c.usage.padEnd(44)} ${c.summary}${c.admin ? ' (admin)' : ''}`);
      return [text(lines.join('\n'))];
    },
  };
}
