import type { AnyMiddlewareArgs, App, RespondFn } from '@slack/bolt';

/** What a member hears while the bot shuts down (intake stopped, grading in flight finishing). */
const RESTARTING = 'prepbot is restarting, try again in a minute.';

interface Incoming {
  type?: string;
  command?: string;
  response_url?: string;
  view?: { state?: { values?: Record<string, unknown> } };
}

type Loose = AnyMiddlewareArgs & { ack?: (response?: unknown) => Promise<void>; respond?: RespondFn; next: () => Promise<void> };

/**
 * Bolt middleware in front of every listener: once shutdown has begun (`accepting()` false), a
 * slash command is answered "restarting", a submitted form stays open with that sentence next to
 * its input (the member's text is kept, to submit again in a minute), and a button press is told
 * so through its response_url. Events still pass: a channel lost during shutdown is recorded.
 */
export function gateIntake(app: App, accepting: () => boolean): void {
  app.use(async (raw) => {
    const args = raw as Loose;
    if (accepting()) return args.next();
    const body = args.body as Incoming;
    if (body.type === 'event_callback') return args.next();
    if (body.command !== undefined) return args.ack?.({ response_type: 'ephemeral', text: RESTARTING });
    if (body.type === 'view_submission') {
      const block = Object.keys(body.view?.state?.values ?? {})[0];
      return args.ack?.(block ? { response_action: 'errors', errors: { [block]: RESTARTING } } : undefined);
    }
    await args.ack?.();
    if (body.type === 'block_actions' && body.response_url && args.respond) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: RESTARTING });
    }
  });
}
