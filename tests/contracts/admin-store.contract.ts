import { describe, expect, it } from 'vitest';
import type { AdminStore } from '../../src/core/stores/admin-store.js';

/** What every AdminStore does, whatever keeps the data. */
export function adminStoreContract(name: string, make: () => AdminStore): void {
  describe(`AdminStore: ${name}`, () => {
    it('keeps admins per scope and finds a member by id or by any of their groups', () => {
      const s = make();
      expect(s.addAdmin({ scopeId: 'discord:g1', subject: 'discord-role:5', kind: 'role', addedBy: 'discord:u1', addedAt: 1 })).toBe(true);
      expect(s.addAdmin({ scopeId: 'discord:g1', subject: 'discord-role:5', kind: 'role', addedBy: 'discord:u2', addedAt: 2 })).toBe(false);
      expect(s.isListedAdmin('discord:g1', ['discord:u3', 'discord-role:9', 'discord-role:5'])).toBe(true);
      expect(s.isListedAdmin('discord:g2', ['discord-role:5'])).toBe(false);
      expect(s.isListedAdmin('discord:g1', [])).toBe(false);
      expect(s.removeAdmin('discord:g1', 'discord-role:5')).toBe(true);
      expect(s.removeAdmin('discord:g1', 'discord-role:5')).toBe(false);
      expect(s.isListedAdmin('discord:g1', ['discord-role:5'])).toBe(false);
    });

    it('lists a scope\'s admins users first, then groups, each in the order they were added', () => {
      const s = make();
      s.addAdmin({ scopeId: 'discord:g1', subject: 'discord-role:5', kind: 'role', addedBy: 'discord:u1', addedAt: 1 });
      s.addAdmin({ scopeId: 'discord:g1', subject: 'discord:u9', kind: 'user', addedBy: 'discord:u1', addedAt: 3 });
      s.addAdmin({ scopeId: 'discord:g1', subject: 'discord:u8', kind: 'user', addedBy: 'discord:u1', addedAt: 2 });
      s.addAdmin({ scopeId: 'discord:g2', subject: 'discord:u7', kind: 'user', addedBy: 'discord:u1', addedAt: 1 });
      expect(s.listAdmins('discord:g1').map((a) => a.subject)).toEqual(['discord:u8', 'discord:u9', 'discord-role:5']);
      expect(s.listAdmins('discord:g1')[0]).toEqual({ scopeId: 'discord:g1', subject: 'discord:u8', kind: 'user', addedBy: 'discord:u1', addedAt: 2 });
    });

    it("keeps each scope's admin log, newest first, up to the limit asked for", () => {
      const s = make();
      const act = (at: number, action: string, scopeId = 'discord:g1') => s.recordAction({ scopeId, channelId: `${scopeId}:c1`, actorId: 'discord:u1', actorName: 'ann', action, detail: `${action} detail`, at });
      act(1, 'schedule');
      act(3, 'pause');
      act(2, 'settings');
      act(4, 'resume', 'discord:g2');
      const log = s.recentActions('discord:g1', 2);
      expect(log.map((a) => a.action)).toEqual(['pause', 'settings']);
      expect(log[0]).toMatchObject({ scopeId: 'discord:g1', channelId: 'discord:g1:c1', actorId: 'discord:u1', actorName: 'ann', detail: 'pause detail', at: 3 });
      expect(s.recentActions('discord:g3', 5)).toEqual([]);
    });

    it('names who last did an action in a channel', () => {
      const s = make();
      const act = (at: number, actorId: string, action: string, channelId = 'discord:g1:c1') => s.recordAction({ scopeId: 'discord:g1', channelId, actorId, actorName: actorId, action, detail: '', at });
      expect(s.lastActor('discord:g1', 'discord:g1:c1', 'schedule')).toBeNull();
      act(1, 'discord:u1', 'schedule');
      act(2, 'discord:u2', 'schedule');
      act(3, 'discord:u3', 'pause');
      act(4, 'discord:u4', 'schedule', 'discord:g1:c2');
      expect(s.lastActor('discord:g1', 'discord:g1:c1', 'schedule')).toBe('discord:u2');
      expect(s.lastActor('discord:g2', 'discord:g1:c1', 'schedule')).toBeNull();
    });
  });
}
