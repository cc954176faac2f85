import type { Logger } from '../../core/ports.js';
import { parseSlackId } from './ids.js';
import type { UserDirectory } from './users.js';

/** More members than this in an admin user group are not all DMed (a notice is not a broadcast). */
const MAX_GROUP_MEMBERS = 25;
const GROUP = /^slack-group:S[A-Z0-9]+$/;
/** Workspace admins and owners told of a notice; a large company's IT team is not a team lead. */
const MAX_WORKSPACE_ADMINS = 10;

/**
 * The Slack user ids an admin notice of a workspace goes to, deduplicated: the users the core names
 * (`admins add` users, ADMIN_USER_IDS, whoever scheduled the channel) who belong to this workspace
 * (an id `users.info` places in another one is skipped), the members of the user groups the core
 * names (one cached `usergroups.list`; at most {@link MAX_GROUP_MEMBERS} per group), and the
 * workspace's admins and owners (a cached `users.list`; at most {@link MAX_WORKSPACE_ADMINS}), who
 * are admins of prepbot too. Without `recipients` (an older caller) ADMIN_USER_IDS stand in.
 */
export async function adminRecipientIds(
  team: string,
  recipients: readonly string[] | undefined,
  adminUserIds: readonly string[],
  users: UserDirectory,
  logger: Logger,
): Promise<string[]> {
  const named = new Set<string>(recipients ? [] : adminUserIds);
  const ids = new Set<string>();
  for (const r of recipients ?? []) {
    const user = parseSlackId(r);
    if (user && user.team === team) named.add(user.id);
    if (!GROUP.test(r)) continue;
    const members = await users.membersOf(team, r);
    if (members.length === 0) logger.info({ team, group: r }, 'an admin user group has no members prepbot can see; the notice reaches the other admins only');
    if (members.length > MAX_GROUP_MEMBERS) logger.warn({ team, group: r, members: members.length }, 'an admin user group is large; only its first members are told');
    for (const id of members.slice(0, MAX_GROUP_MEMBERS)) ids.add(id);
  }
  const owners = await users.workspaceAdmins(team);
  if (owners.length > MAX_WORKSPACE_ADMINS) logger.info({ team, admins: owners.length }, 'many workspace admins; only the first are told');
  for (const id of owners.slice(0, MAX_WORKSPACE_ADMINS)) ids.add(id);
  for (const id of named) {
    const member = await users.lookup(team, id).catch(() => undefined);
    // Unknown to Slack, or of another workspace: not an admin to tell here. A failed lookup still tries the DM.
    if (member === null || (member && member.teamId !== null && member.teamId !== team)) continue;
    ids.add(id);
  }
  return [...ids];
}
