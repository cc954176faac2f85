import { text } from '../replies.js';
/** `help` lists the verbs of the registry it is given. */
export function helpCommand(all) {
    return {
        verb: 'help',
        admin: false,
        usage: 'help',
        summary: 'usage',
        options: [],
        run() {
            // No column alignment: chat apps use proportional fonts.
            const line = (c) => `  ${c.usage}: ${c.summary}`;
            const lines = ['prepbot: a question of the day, graded answers, leaderboards and practice.', 'For everyone:'];
            lines.push(...all().filter((c) => !c.admin).map(line), 'For admins:', ...all().filter((c) => c.admin).map(line));
            return [text(lines.join('\n'))];
        },
    };
}
