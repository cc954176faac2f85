import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/** How far a request's `x-slack-request-timestamp` may be from now, either way (Slack's 5 minutes). */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver, with the age check Slack asks for made in both directions. Bolt refuses a
 * request signed more than 5 minutes ago but accepts one signed for any time in the future, so a
 * captured request signed "tomorrow" could be replayed all day. This answers 401 to a timestamp
 * more than 5 minutes from now, past or future, before Bolt reads the body or runs any listener;
 * Bolt then verifies the signature as before.
 */
export function timedReceiver(opts: HTTPReceiverOptions, logger: Logger, now: () => number = Date.now): HTTPReceiver {
  const receiver = new HTTPReceiver(opts);
  const bolts = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (header !== undefined && (!Number.isFinite(timestamp) || Math.abs(now() / 1000 - timestamp) > MAX_SKEW_SECONDS)) {
      logger.warn({ timestamp: String(header), skewSeconds: Math.round(timestamp - now() / 1000) }, 'refused a Slack request whose timestamp is more than 5 minutes from now');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    bolts(req, res);
  };
  return receiver;
}
