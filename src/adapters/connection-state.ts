/** A platform connection as the health check sees it: up, or down since an instant, and why. */
export interface Connection {
  up: boolean;
  /** When it went down (epoch ms); null while up. */
  downSince: number | null;
  detail: string;
}

/**
 * Follows one platform connection (Discord's gateway, Slack's Socket Mode) from the client's
 * events, so `/healthz` can say "degraded" once it has been down past a grace period. A client that
 * reconnects within the grace (they all try by themselves) never shows.
 */
export class ConnectionState {
  private downSince: number | null = null;
  private why = 'connected';

  constructor(
    private readonly name: string,
    private readonly now: () => number = Date.now,
  ) {}

  up(): void {
    this.downSince = null;
    this.why = 'connected';
  }

  /** Marks it down; a connection already down keeps the instant it first went down. */
  down(why: string): void {
    this.downSince ??= this.now();
    this.why = why;
  }

  current(): Connection {
    return { up: this.downSince === null, downSince: this.downSince, detail: `${this.name} ${this.why}` };
  }
}
