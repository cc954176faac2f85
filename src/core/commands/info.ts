import { cmd } from '../command-text.js';
import { plural } from '../display.js';
import { error, text } from '../replies.js';
import type { Command } from './command.js';

/**
 * `topics`: each pack with its topics and question counts. A topic may appear in several packs;
 * `quiz <topic>` draws from all of them, `quiz <pack>` from one pack.
 */
export const topics: Command = {
  verb: 'topics',
  admin: false,
  usage: 'topics',
  summary: 'the packs and their topics, with question counts',
  options: [],
  run({ deps, place }) {
    const byPack = new Map<string, Map<string, number>>();
    for (const q of deps.content.all(place.scopeId)) {
      const topics = byPack.get(q.pack) ?? new Map<string, number>();
      topics.set(q.topic, (topics.get(q.topic) ?? 0) + 1);
      byPack.set(q.pack, topics);
    }
    const lines = ['Packs and their topics (questions in brackets):'];
    for (const p of deps.content.packs(place.scopeId)) {
      const topics = [...(byPack.get(p.name) ?? new Map<string, number>())].sort(([a], [b]) => a.localeCompare(b));
      lines.push(`  ${p.name} (${plural(p.count, 'question')}): ${topics.map(([t, n]) => `${t} (${n})`).join(', ')}`);
    }
    lines.push(`Practise a topic with ${cmd(place.platform, 'quiz <topic>')}, or a whole pack with ${cmd(place.platform, 'quiz <pack>')}.`);
    return [text(lines.join('\n'))];
  },
};

export const privacy: Command = {
  verb: 'privacy',
  admin: false,
  usage: 'privacy on|off',
  summary: 'show you as "anonymous" in leaderboards and summaries',
  options: [{ name: 'mode', description: 'on or off', required: true, choices: ['on', 'off'] }],
  run({ deps, actor, place, args }) {
    const v = args.trim().toLowerCase();
    if (v !== 'on' && v !== 'off') {
      const now = deps.store.channels.getUser(actor.id)?.privacy ? 'on' : 'off';
      return [error(`Use ${cmd(place.platform, 'privacy on')} or ${cmd(place.platform, 'privacy off')} (it is ${now} for you now).`)];
    }
    deps.store.channels.setPrivacy(actor.id, v === 'on');
    return [
      text(
        v === 'on' ? 'Privacy on: leaderboards and summaries show you as "anonymous".' : 'Privacy off: leaderboards and summaries show your name.',
        'private',
        'success',
      ),
    ];
  },
};
