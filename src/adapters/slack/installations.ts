import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { InstallStore } from '../../core/stores/install-store.js';
import type { SecretBox } from '../../secrets/secret-box.js';
import { scopeIdOf } from './ids.js';

/** Told when a workspace installs prepbot: the channels its last uninstall suspended, to resume. */
type OnInstalled = (team: string, resume: string[]) => void;

/**
 * Bolt's InstallationStore on prepbot's database: each workspace's install (bot token, scopes, ids)
 * is sealed with AES-256-GCM under PREPBOT_SECRET_KEY before it reaches the {@link InstallStore},
 * bound to its workspace's key, and opened only when a call needs its token. Nothing here logs a
 * token or an install. Installs are per workspace: an organization-wide (Enterprise Grid) install
 * is refused, so the OAuth flow ends on Bolt's failure page instead of storing what prepbot cannot serve.
 */
export class SealedInstallationStore implements InstallationStore {
  private readonly logger: Logger;
  private onInstalled: OnInstalled = () => undefined;

  constructor(
    private readonly records: InstallStore,
    private readonly box: SecretBox,
    logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.logger = logger.child({ component: 'slack-installs' });
  }

  /** Who resumes a reinstalled workspace's channels (the adapter, once the core is there). */
  whenInstalled(fn: OnInstalled): void {
    this.onInstalled = fn;
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const team = installation.team?.id;
    if (installation.isEnterpriseInstall || !team) {
      throw new Error('prepbot installs into one workspace at a time; an organization-wide install is not supported');
    }
    if (!installation.bot?.token) throw new Error('the install has no bot token (the app must ask for bot scopes)');
    const key = scopeIdOf(team);
    const resume = this.records.saveInstall(key, this.box.seal(JSON.stringify(installation), key), this.now());
    this.logger.info({ team, enterprise: installation.enterprise?.id, scopes: installation.bot.scopes.length, resumes: resume.length }, 'prepbot was installed in a Slack workspace');
    this.onInstalled(team, resume);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const team = query.teamId;
    if (!team) throw new Error('prepbot holds no organization-wide install; it serves each workspace by its own install');
    const key = scopeIdOf(team);
    const sealed = this.records.findInstall(key);
    if (!sealed) throw new Error(`prepbot is not installed in the Slack workspace ${team}`);
    try {
      return JSON.parse(this.box.open(sealed, key)) as Installation<'v1' | 'v2', boolean>;
    } catch (err) {
      this.logger.error({ team, err }, "a Slack workspace's install does not open with PREPBOT_SECRET_KEY (was the key changed?); the workspace must add prepbot again");
      throw new Error(`the install of the Slack workspace ${team} cannot be read`, { cause: err });
    }
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) this.remove(query.teamId, []);
  }

  /**
   * The app uninstalled, or its bot token revoked: deletes the workspace's tokens at once, keeping
   * the channels this suspended for a reinstall to resume. False when no token was held.
   */
  remove(team: string, suspended: readonly string[]): boolean {
    return this.records.removeInstall(scopeIdOf(team), this.now(), suspended);
  }

  /** Workspaces prepbot holds a token for. */
  count(): number {
    return this.records.countInstalls();
  }
}
