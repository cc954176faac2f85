/**
 * The node-cron expression of a channel's daily post, `M H * * *` or `M H * * 1-5`, read in the
 * channel's own zone (node-cron's `timezone` option), or null when the channel posts nothing.
 */
export function cronExpressionFor(channel) {
    if (!channel.postTime || channel.paused || channel.suspended)
        return null;
    const [hour, minute] = channel.postTime.split(':').map(Number);
    return `${minute} ${hour} * * ${channel.days === 'weekdays' ? '1-5' : '*'}`;
}
