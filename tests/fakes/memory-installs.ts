import type { InstallStore } from '../../src/core/stores/install-store.js';

/** The InstallStore in memory: the same contract as the SQLite one (tests/contracts). */
export class MemoryInstalls implements InstallStore {
  private readonly rows = new Map<string, { sealed: string | null; suspended: string[] }>();

  saveInstall(key: string, sealed: string): string[] {
    const before = this.rows.get(key)?.suspended ?? [];
    this.rows.set(key, { sealed, suspended: [] });
    return before;
  }

  findInstall(key: string): string | null {
    return this.rows.get(key)?.sealed ?? null;
  }

  removeInstall(key: string, _at: number, suspended: readonly string[]): boolean {
    const row = this.rows.get(key);
    this.rows.set(key, { sealed: null, suspended: [...new Set([...(row?.suspended ?? []), ...suspended])] });
    return Boolean(row?.sealed);
  }

  countInstalls(): number {
    return [...this.rows.values()].filter((r) => r.sealed !== null).length;
  }
}
