import { loggable } from './delivery-errors.js';
import { parseUserId } from './ids.js';
const ROLE = /^discord-role:(\d{1,25})$/;
/**
 * The Discord user ids an admin notice of a server goes to, deduplicated: the users the core names
 * (`admins add` users and ADMIN_USER_IDS) who are members of the server, the members of the admin
 * roles the core names that discord.js has seen (members it has not seen since start are not
 * reached: listing a role's members needs the privileged Server Members intent), and the server's
 * owner, who holds every right. Without `recipients` (an older caller) ADMIN_USER_IDS stand in.
 */
export async function adminRecipientIds(guild, recipients, adminUserIds, logger) {
    const users = new Set(recipients ? [] : adminUserIds);
    const roles = [];
    for (const r of recipients ?? []) {
        const user = parseUserId(r);
        if (user)
            users.add(user);
        const role = ROLE.exec(r)?.[1];
        if (role)
            roles.push(role);
    }
    const ids = new Set();
    for (const id of users) {
        if (await isMember(guild, id, logger))
            ids.add(id);
    }
    for (const roleId of roles) {
        const members = guild.roles.cache.get(roleId)?.members.filter((m) => !m.user.bot);
        if (!members?.size) {
            logger.info({ guildId: guild.id, roleId }, 'no member of an admin role has been seen since start; the notice reaches the other admins only');
            continue;
        }
        for (const id of members.keys())
            ids.add(id);
    }
    if (guild.ownerId)
        ids.add(guild.ownerId);
    return [...ids];
}
/** Whether a user belongs to the server: from the cache, else one member lookup. */
async function isMember(guild, userId, logger) {
    if (guild.members.cache.has(userId))
        return true;
    try {
        await guild.members.fetch(userId);
        return true;
    }
    catch (err) {
        logger.debug({ err: loggable(err), guildId: guild.id, userId }, 'an admin to tell is not a member of this server');
        return false;
    }
}
