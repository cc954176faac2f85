import { describe, expect, it } from 'vitest';
import type { InstallStore } from '../../src/core/stores/install-store.js';

/** What every InstallStore does: one sealed install per workspace, tokens deleted on removal, suspended channels handed back on reinstall. */
export function installStoreContract(name: string, make: () => InstallStore): void {
  describe(`InstallStore: ${name}`, () => {
    it('keeps one install per workspace, the latest save winning', () => {
      const s = make();
      expect(s.findInstall('slack:T1')).toBeNull();
      expect(s.saveInstall('slack:T1', 'v1.sealed-a', 1_000)).toEqual([]);
      expect(s.saveInstall('slack:T2', 'v1.sealed-b', 1_000)).toEqual([]);
      expect(s.saveInstall('slack:T1', 'v1.sealed-c', 2_000)).toEqual([]);
      expect(s.findInstall('slack:T1')).toBe('v1.sealed-c');
      expect(s.findInstall('slack:T2')).toBe('v1.sealed-b');
      expect(s.countInstalls()).toBe(2);
    });

    it('deletes the tokens on removal, and hands back the channels it suspended once, at the reinstall', () => {
      const s = make();
      s.saveInstall('slack:T1', 'v1.sealed-a', 1_000);
      expect(s.removeInstall('slack:T1', 2_000, ['slack:T1:C1', 'slack:T1:C2'])).toBe(true);
      expect(s.findInstall('slack:T1')).toBeNull();
      expect(s.countInstalls()).toBe(0);
      // A second event for the same removal (tokens_revoked after app_uninstalled) deletes nothing more.
      expect(s.removeInstall('slack:T1', 2_001, [])).toBe(false);
      expect(s.saveInstall('slack:T1', 'v1.sealed-b', 3_000).sort()).toEqual(['slack:T1:C1', 'slack:T1:C2']);
      expect(s.findInstall('slack:T1')).toBe('v1.sealed-b');
      expect(s.saveInstall('slack:T1', 'v1.sealed-c', 4_000)).toEqual([]);
    });

    it('leaves other workspaces alone', () => {
      const s = make();
      s.saveInstall('slack:T1', 'v1.sealed-a', 1_000);
      s.saveInstall('slack:T2', 'v1.sealed-b', 1_000);
      s.removeInstall('slack:T2', 2_000, ['slack:T2:C9']);
      expect(s.findInstall('slack:T1')).toBe('v1.sealed-a');
      expect(s.saveInstall('slack:T1', 'v1.sealed-c', 3_000)).toEqual([]);
    });
  });
}
