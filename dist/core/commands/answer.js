export const answer = {
    verb: 'answer',
    admin: false,
    usage: 'answer <text>',
    summary: 'answer your open question (on Discord and Slack the Answer button opens a form)',
    options: [{ name: 'text', description: 'Your answer', required: true, rest: true }],
    run({ answers, actor, place, args, replyRoute }) {
        return [answers.submit(actor, place, args, undefined, replyRoute)];
    },
};
