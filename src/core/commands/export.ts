import { toCsv } from '../csv.js';
import { plural, scopeNoun } from '../display.js';
import { error, text } from '../replies.js';
import { cmd } from '../command-text.js';
import { exportPack } from '../team/export-pack.js';
import type { Command } from './command.js';

const HEADER = ['user', 'channel', 'round_date', 'question_id', 'score', 'points', 'grader', 'graded_at'];

/**
 * `export`: the scope's scores as CSV, one line per scoring answer: user, channel, round date,
 * question, score (after disputes), points, grader and time. Never answer text. Members with privacy
 * on appear as `anonymous-1`, `anonymous-2`..., numbered by first appearance, the same member
 * always the same number within one export.
 */
export const exportScores: Command = {
  verb: 'export',
  admin: true,
  usage: 'export [scores|pack]',
  summary: "a CSV of scores here (never answer text); export pack: this team's own questions as Markdown files",
  options: [{ name: 'what', description: 'scores (a CSV, the default) or pack (the team pack as Markdown files)', choices: ['scores', 'pack'] }],
  run({ deps, actor, place, args }) {
    const what = args.trim().toLowerCase();
    if (what === 'pack') return [exportPack(deps, actor, place)];
    if (what && what !== 'scores') return [error(`"${args.trim()}" is not something to export. Use ${cmd(place.platform, 'export')} for the scores, or ${cmd(place.platform, 'export pack')} for the team's own questions.`)];
    const rows = deps.store.records.exportRows(place.scopeId);
    const anonymous = new Map<string, string>();
    const userLabel = (id: string, name: string, privacy: boolean) => {
      if (!privacy) return name;
      let label = anonymous.get(id);
      if (!label) {
        label = `anonymous-${anonymous.size + 1}`;
        anonymous.set(id, label);
      }
      return label;
    };
    const csv = toCsv(
      HEADER,
      rows.map((r) => [
        userLabel(r.userId, r.name, r.privacy),
        r.channelId.slice(r.channelId.lastIndexOf(':') + 1),
        r.roundDate,
        r.questionId,
        r.score,
        r.points,
        r.grader,
        new Date(r.gradedAt).toISOString(),
      ]),
    );
    const date = new Date(deps.clock.now()).toISOString().slice(0, 10);
    const scope = place.scopeId.replace(/[^A-Za-z0-9-]+/g, '-');
    return [
      {
        ...text(`Scores of this ${scopeNoun(place.platform)}: ${plural(rows.length, 'graded answer')}${anonymous.size ? `, ${plural(anonymous.size, 'member')} with privacy on shown as anonymous-N` : ''}. Answer text is never exported.`, 'private', 'success'),
        file: { name: `prepbot-scores-${scope}-${date}.csv`, content: csv },
      },
    ];
  },
};
