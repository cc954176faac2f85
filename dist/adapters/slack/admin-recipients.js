import { parseSlackId } from './ids.js';
/** More members than this in an admin user group are not all DMed (a notice is not a broadcast). */
const MAX_GROUP_MEMBERS = 25;
const GROUP = /^slack-group:S[A-Z0-9]+$/;
/**
 * The Slack user ids an admin notice of a workspace goes to, deduplicated: the users the core names
 * (`admins add` users, ADMIN_USER_IDS) who belong to this workspace (an id `users.info` places in
 * another one is skipped), and the members of the user groups the core names (one cached
 * `usergroups.list`; at most {@link MAX_GROUP_MEMBERS} per group). Workspace admins and owners are
 * not listed: a workspace may have many, and none of them asked. Without `recipients` (an older
 * caller) ADMIN_USER_IDS stand in.
 */
export async function adminRecipientIds(team, recipients, adminUserIds, users, logger) {
    const named = new Set(recipients ? [] : adminUserIds);
    const ids = new Set();
    for (const r of recipients ?? []) {
        const user = parseSlackId(r);
        if (user && user.team === team)
            named.add(user.id);
        if (!GROUP.test(r))
            continue;
        const members = await users.membersOf(team, r);
        if (members.length === 0)
            logger.info({ team, group: r }, 'an admin user group has no members prepbot can see; the notice reaches the other admins only');
        if (members.length > MAX_GROUP_MEMBERS)
            logger.warn({ team, group: r, members: members.length }, 'an admin user group is large; only its first members are told');
        for (const id of members.slice(0, MAX_GROUP_MEMBERS))
            ids.add(id);
    }
    for (const id of named) {
        const member = await users.lookup(id).catch(() => undefined);
        // Unknown to Slack, or of another workspace: not an admin to tell here. A failed lookup still tries the DM.
        if (member === null || (member && member.teamId !== null && member.teamId !== team))
            continue;
        ids.add(id);
    }
    return [...ids];
}
