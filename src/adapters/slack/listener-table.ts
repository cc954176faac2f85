import type { AllMiddlewareArgs, App, SlackAction, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

type ActionHandler<A extends SlackAction> = (args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>;
type ViewHandler = (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => Promise<void>;
type EventHandler<T extends string> = (args: SlackEventMiddlewareArgs<T> & AllMiddlewareArgs) => Promise<void>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (ids: Iterable<string>) => new RegExp(`^(?:${[...ids].map(escapeRe).join('|')})$`);

/**
 * prepbot's Slack listeners, handed to Bolt as one listener per kind (actions, view submissions,
 * events) that picks the handler by action id, callback id or event type.
 *
 * Why not one Bolt listener each: Bolt runs every registered listener's middleware chain for
 * every request (copying its middleware array and chaining promises per listener, matching or
 * not). With sixteen listeners that was most of what an answer's acknowledgement allocated beyond
 * a bare Bolt app, and much of it lived long enough to reach the old generation: the ack
 * benchmark's garbage-collection pauses came from it. The handlers keep Bolt's arguments, so each
 * reads as it would on `app.action`/`app.view`/`app.event`.
 */
export class SlackListeners {
  private readonly actions = new Map<string, ActionHandler<SlackAction>>();
  private readonly views = new Map<string, ViewHandler>();
  private readonly events = new Map<string, EventHandler<string>>();

  /** Like `app.action(actionId, handler)`. */
  action<A extends SlackAction = SlackAction>(actionId: string, handler: ActionHandler<A>): void {
    this.add(this.actions, actionId, handler as unknown as ActionHandler<SlackAction>);
  }

  /** Like `app.view(callbackId, handler)`: view submissions. */
  view(callbackId: string, handler: ViewHandler): void {
    this.add(this.views, callbackId, handler);
  }

  /** Like `app.event(type, handler)`. */
  event<T extends string>(type: T, handler: EventHandler<T>): void {
    this.add(this.events, type, handler as unknown as EventHandler<string>);
  }

  /** Registers the table with Bolt: at most one listener per kind, for exactly the ids above. */
  attach(app: App): void {
    if (this.actions.size > 0) {
      app.action({ action_id: exactly(this.actions.keys()) }, async (args) => {
        const id = (args.action as { action_id?: string }).action_id ?? '';
        await this.actions.get(id)?.(args);
      });
    }
    if (this.views.size > 0) {
      app.view({ callback_id: exactly(this.views.keys()), type: 'view_submission' }, async (args) => {
        await this.views.get(args.view.callback_id)?.(args as SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs);
      });
    }
    if (this.events.size > 0) {
      app.event(exactly(this.events.keys()), async (args) => {
        await this.events.get(args.event.type)?.(args);
      });
    }
  }

  private add<H>(table: Map<string, H>, id: string, handler: H): void {
    if (table.has(id)) throw new Error(`two Slack handlers for ${id}`);
    table.set(id, handler);
  }
}
