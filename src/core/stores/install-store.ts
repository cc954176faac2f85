/**
 * The installs of prepbot into workspaces it was added to through OAuth ("Add to Slack"): one per
 * workspace key (`slack:T123`), holding the install sealed by the adapter (encrypted under
 * PREPBOT_SECRET_KEY), so storage never sees a token in clear. The game never reads it: the port
 * lives here so that storage implements it and the platform adapter uses it without either
 * depending on the other. When an install is removed (the app uninstalled, its token revoked) its
 * tokens are deleted at once, and the channels whose schedules that suspended are remembered, so a
 * reinstall can resume them.
 */
export interface InstallStore {
  /**
   * Saves an install (a first install, a reinstall, refreshed tokens). Returns the channels the
   * removal before it suspended, now forgotten: the caller resumes them. Atomic, so two processes
   * never both resume them.
   */
  saveInstall(key: string, sealed: string, at: number): string[];
  /** The sealed install under this key; null when there is none or its tokens were deleted. */
  findInstall(key: string): string | null;
  /**
   * Deletes the install's tokens, keeping the key with the channels this removal suspended (added
   * to any a previous removal left). False when there were no tokens to delete.
   */
  removeInstall(key: string, at: number, suspended: readonly string[]): boolean;
  /** How many installs hold tokens now. */
  countInstalls(): number;
}
