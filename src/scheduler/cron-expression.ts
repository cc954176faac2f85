import type { ChannelSettings } from '../core/model.js';

/**
 * The node-cron expression of a channel's daily post, `M H * * *` or `M H * * 1-5`, read in the
 * channel's own zone (node-cron's `timezone` option), or null when the channel posts nothing.
 */
export function cronExpressionFor(channel: Pick<ChannelSettings, 'postTime' | 'days' | 'paused' | 'suspended'>): string | null {
  if (!channel.postTime || channel.paused || channel.suspended) return null;
  const [hour, minute] = channel.postTime.split(':').map(Number) as [number, number];
  return `${minute} ${hour} * * ${channel.days === 'weekdays' ? '1-5' : '*'}`;
}
