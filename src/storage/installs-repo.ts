import type { InstallStore } from '../core/stores/install-store.js';
import { writeTransaction, type Statements } from './statements.js';

const parseList = (json: string | null | undefined): string[] => {
  try {
    const v: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

/** Slack workspaces' installs (table `slack_installations`), sealed by the adapter before they get here. */
export class InstallsRepo implements InstallStore {
  private readonly save: (key: string, sealed: string, at: number) => string[];
  private readonly remove: (key: string, at: number, suspended: readonly string[]) => boolean;

  constructor(private readonly s: Statements) {
    this.save = writeTransaction(s.db, (key: string, sealed: string, at: number) => {
      const before = s.one<{ suspended: string }>('SELECT suspended FROM slack_installations WHERE key = ?', key);
      s.run(
        `INSERT INTO slack_installations (key, sealed, suspended, installed_at, updated_at) VALUES (?, ?, '[]', ?, ?)
         ON CONFLICT (key) DO UPDATE SET sealed = excluded.sealed, suspended = '[]', updated_at = excluded.updated_at, removed_at = NULL,
           installed_at = CASE WHEN slack_installations.sealed IS NULL THEN excluded.installed_at ELSE slack_installations.installed_at END`,
        key, sealed, at, at,
      );
      return parseList(before?.suspended);
    });
    this.remove = writeTransaction(s.db, (key: string, at: number, suspended: readonly string[]) => {
      const row = s.one<{ sealed: string | null; suspended: string }>('SELECT sealed, suspended FROM slack_installations WHERE key = ?', key);
      if (!row) {
        if (suspended.length === 0) return false;
        s.run(`INSERT INTO slack_installations (key, sealed, suspended, installed_at, updated_at, removed_at) VALUES (?, NULL, ?, ?, ?, ?)`, key, JSON.stringify([...suspended]), at, at, at);
        return false;
      }
      const all = [...new Set([...parseList(row.suspended), ...suspended])];
      s.run('UPDATE slack_installations SET sealed = NULL, suspended = ?, updated_at = ?, removed_at = ? WHERE key = ?', JSON.stringify(all), at, at, key);
      return row.sealed !== null;
    });
  }

  saveInstall(key: string, sealed: string, at: number): string[] {
    return this.save(key, sealed, at);
  }

  findInstall(key: string): string | null {
    return this.s.one<{ sealed: string | null }>('SELECT sealed FROM slack_installations WHERE key = ?', key)?.sealed ?? null;
  }

  removeInstall(key: string, at: number, suspended: readonly string[]): boolean {
    return this.remove(key, at, suspended);
  }

  countInstalls(): number {
    return this.s.one<{ n: number }>('SELECT COUNT(*) AS n FROM slack_installations WHERE sealed IS NOT NULL')!.n;
  }
}
