import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS, INVITE_PERMISSIONS_INTEGER, inviteUrl, userInstallUrl } from '../../src/adapters/discord/invite.js';
import { PERSONAL_VERBS } from '../../src/adapters/discord/personal-verbs.js';

const readme = readFileSync(join(resolve(import.meta.dirname, '../..'), 'README.md'), 'utf8');
// The section as one line: a permission's name may wrap.
const discord = readme.slice(readme.indexOf('## Discord'), readme.indexOf('\n## ', readme.indexOf('## Discord') + 1)).replace(/\s+/g, ' ');

describe("the README's Discord setup", () => {
  it('gives the invite link with the permissions integer of exactly the permissions prepbot needs', () => {
    const needed =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.CreatePublicThreads |
      PermissionFlagsBits.SendMessagesInThreads |
      PermissionFlagsBits.ReadMessageHistory |
      PermissionFlagsBits.AttachFiles;
    expect(INVITE_PERMISSIONS_INTEGER).toBe(needed.toString());
    expect(discord).toContain(inviteUrl('APPLICATION_ID'));
    for (const name of Object.keys(INVITE_PERMISSIONS)) expect(discord).toContain(name);
  });

  it('says where the application and server ids are, that DISCORD_APPLICATION_ID is optional, and that two registrations show /prep twice', () => {
    expect(discord).toMatch(/\*\*Application ID\*\* is on \*\*General Information\*\*/);
    expect(discord).toMatch(/Copy Server ID/);
    expect(discord).toMatch(/`DISCORD_APPLICATION_ID` is optional/);
    expect(discord).toMatch(/shows `\/prep` twice/);
  });

  it('says how to turn on the user install, gives its link, and names the verbs that work there', () => {
    expect(discord).toMatch(/open \*\*Installation\*\*, tick \*\*User Install\*\*/);
    expect(discord).toContain(userInstallUrl('APPLICATION_ID'));
    for (const verb of PERSONAL_VERBS) expect(discord).toContain(`\`${verb}\``);
  });
});
