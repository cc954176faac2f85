import { plural } from '../display.js';
import { error, text } from '../replies.js';
export const topics = {
    verb: 'topics',
    admin: false,
    usage: 'topics',
    summary: 'the packs and topics, with question counts',
    options: [],
    run({ deps }) {
        const lines = ['Packs:'];
        for (const p of deps.content.packs())
            lines.push(`  ${p.name}: ${plural(p.count, 'question')}`);
        lines.push('Topics:');
        for (const t of deps.content.topics())
            lines.push(`  ${t.topic}: ${plural(t.count, 'question')} (${t.packs.join(', ')})`);
        lines.push('Practise one with: quiz <topic>');
        return [text(lines.join('\n'))];
    },
};
export const privacy = {
    verb: 'privacy',
    admin: false,
    usage: 'privacy on|off',
    summary: 'show you as "anonymous" in leaderboards and summaries',
    options: [{ name: 'mode', description: 'on or off', required: true, choices: ['on', 'off'] }],
    run({ deps, actor, args }) {
        const v = args.trim().toLowerCase();
        if (v !== 'on' && v !== 'off') {
            const now = deps.store.channels.getUser(actor.id)?.privacy ? 'on' : 'off';
            return [error(`Use privacy on or privacy off (it is ${now} for you now).`)];
        }
        deps.store.channels.setPrivacy(actor.id, v === 'on');
        return [
            text(v === 'on' ? 'Privacy on: leaderboards and summaries show you as "anonymous".' : 'Privacy off: leaderboards and summaries show your name.', 'private', 'success'),
        ];
    },
};
