import { cmd } from '../command-text.js';
import { text } from '../replies.js';
import type { Command } from './command.js';

/** `help` lists the verbs of the registry it is given, as the member types them on that platform. */
export function helpCommand(all: () => Command[]): Command {
  return {
    verb: 'help',
    admin: false,
    usage: 'help',
    summary: 'usage',
    options: [],
    run({ place }) {
      // No column alignment: chat apps use proportional fonts.
      const line = (c: Command) => `  ${cmd(place.platform, c.usage)}: ${c.summary}`;
      const lines = ['prepbot: a question of the day, graded answers, leaderboards and practice.', 'For everyone:'];
      lines.push(...all().filter((c) => !c.admin).map(line), 'For admins:', ...all().filter((c) => c.admin).map(line));
      return [text(lines.join('\n'))];
    },
  };
}
