import type { AllMiddlewareArgs, App, SlackAction, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';

type ActionHandler<A extends SlackAction> = (args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>;
type ViewHandler = (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => Promise<void>;
type EventHandler<T extends string> = (args: SlackEventMiddlewareArgs<T> & AllMiddlewareArgs) => Promise<void>;
type CommandHandler = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** What Bolt hands every middleware: one of these is set, by the kind of request. */
interface Incoming {
  body: { type?: string };
  action?: { action_id?: string };
  view?: { callback_id: string };
  event?: { type: string };
  command?: object;
}

/**
 * prepbot's Slack listeners, handed to Bolt as one global middleware that picks the handler by
 * action id, callback id, event type or (for every slash command) the command handler. A request
 * none of them handles goes on to Bolt, which has no listeners of its own here.
 *
 * Why not one Bolt listener each (`app.action`, `app.view`...): Bolt runs every registered
 * listener's middleware chain for every request, matching or not, copying its middleware array,
 * building its arguments and chaining promises per listener. With sixteen listeners that was most
 * of what an answer's acknowledgement allocated beyond a bare Bolt app; with one per kind (four)
 * it was still the largest share of the objects the garbage collector promoted while acks were
 * measured (BENCHMARKS.md, `ack`). A middleware that does not call `next()` ends Bolt's
 * processing, as Bolt documents, so a routed request costs one function call. The handlers keep
 * Bolt's arguments, so each reads as it would on `app.action`/`app.view`/`app.event`/`app.command`.
 */
export class SlackListeners {
  private readonly actions = new Map<string, ActionHandler<SlackAction>>();
  private readonly views = new Map<string, ViewHandler>();
  private readonly events = new Map<string, EventHandler<string>>();
  private commandHandler: CommandHandler | undefined;

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

  /** Like `app.command` with a pattern matching any name: every slash command of the app. */
  command(handler: CommandHandler): void {
    if (this.commandHandler) throw new Error('two Slack handlers for slash commands');
    this.commandHandler = handler;
  }

  /** Registers the table with Bolt, after any middleware registered before it (the intake gate). */
  attach(app: App): void {
    app.use(async (args) => {
      if (!(await this.route(args as unknown as Incoming))) await args.next();
    });
  }

  /** Runs the handler for this request; false when there is none. */
  private async route(args: Incoming): Promise<boolean> {
    const handler = this.handlerFor(args);
    if (!handler) return false;
    await (handler as (args: unknown) => Promise<void>)(args);
    return true;
  }

  private handlerFor(args: Incoming): ActionHandler<SlackAction> | ViewHandler | EventHandler<string> | CommandHandler | undefined {
    if (args.action) return this.actions.get(args.action.action_id ?? '');
    if (args.view) return args.body.type === 'view_submission' ? this.views.get(args.view.callback_id) : undefined;
    if (args.event) return this.events.get(args.event.type);
    if (args.command) return this.commandHandler;
    return undefined;
  }

  private add<H>(table: Map<string, H>, id: string, handler: H): void {
    if (table.has(id)) throw new Error(`two Slack handlers for ${id}`);
    table.set(id, handler);
  }
}
