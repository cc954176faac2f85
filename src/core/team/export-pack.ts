import type { DepsWith } from '../context.js';
import { plural, scopeNoun } from '../display.js';
import { recordAction } from '../audit.js';
import type { Actor, Place } from '../model.js';
import { text, type Reply } from '../replies.js';
import { cmd } from '../command-text.js';
import { slugOf } from './draft.js';
import { TEAM_PACK, teamQuestion } from './team-bank.js';

/**
 * `export pack`: the scope's own pack as Markdown files of the content format, in a `team/` folder
 * named like a pack (`team/01-covering-index.md`...), in the order the questions were approved. Put
 * the folder into CONTENT_DIR and `content:check` takes it as any pack; the bot then asks the
 * files' versions (same ids) instead of the stored ones.
 */
export function exportPack(d: DepsWith<'suggestions' | 'admins', 'rules' | 'clock'>, actor: Pick<Actor, 'id' | 'name'>, place: Place): Reply {
  const questions = d.store.suggestions.teamQuestions(place.scopeId).map(teamQuestion);
  const noun = scopeNoun(place.platform);
  if (questions.length === 0) {
    return text(`This ${noun} has no questions of its own yet: members propose them with ${cmd(place.platform, 'suggest')}, admins approve them with ${cmd(place.platform, 'approve <number>')}.`);
  }
  const width = Math.max(2, String(questions.length).length);
  const files = questions.map((q, i) => ({
    path: `${TEAM_PACK}/${String(i + 1).padStart(width, '0')}-${slugOf(q.prompt) || 'question'}.md`,
    content: d.rules.toMarkdown(q),
  }));
  const date = new Date(d.clock.now()).toISOString().slice(0, 10);
  const scope = place.scopeId.replace(/[^A-Za-z0-9-]+/g, '-');
  const mix = d.rules.packProblems(questions);
  recordAction(d, actor, place, 'export', `pack: ${plural(questions.length, 'question')}`);
  const lines = [
    `This ${noun}'s own pack: ${plural(questions.length, 'question')} as Markdown files in the content format, in a "${TEAM_PACK}" folder. Put that folder into the content directory (CONTENT_DIR) to keep the questions with the others; npm run content:check checks it.`,
    ...mix.map((m) => `Before it passes content:check: ${m}`),
  ];
  return { ...text(lines.join('\n'), 'private', 'success'), folder: { name: `prepbot-pack-${scope}-${date}`, files } };
}
