import { Events } from 'discord.js';
import { channelIdOf, scopeIdOf } from './ids.js';
/**
 * Tells the core when Discord takes a place away: the bot removed from a server (GUILD_DELETE
 * without `unavailable`) suspends every schedule of that server; a deleted channel suspends its
 * own. Nothing is deleted, and `schedule` in the channel resumes it. An outage (GUILD_DELETE with
 * `unavailable`, which discord.js reports as `guildUnavailable`) changes nothing. A channel the bot
 * merely lost access to is found when a post there is refused (403).
 */
export function watchLostPlaces(client, bot, logger) {
    client.on(Events.GuildDelete, (guild) => {
        const suspended = bot.scopeGone(scopeIdOf(guild.id));
        logger.warn({ guildId: guild.id, suspended }, 'prepbot was removed from a Discord server; its daily posts are suspended');
    });
    client.on(Events.GuildUnavailable, (guild) => {
        logger.warn({ guildId: guild.id }, 'a Discord server is unavailable (an outage); nothing is suspended');
    });
    client.on(Events.ChannelDelete, (channel) => {
        if (channel.isDMBased())
            return;
        void bot.channelGone(channelIdOf(channel.guildId, channel.id), `the channel #${channel.name} was deleted`);
    });
}
