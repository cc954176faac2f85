import { LogLevel } from '@slack/bolt';
const describe = (parts) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
/**
 * Bolt, its Web API client and its Socket Mode client log through this, so their lines land in
 * prepbot's pino log (stderr) with `component: slack` instead of on stdout. Bolt's own debug lines
 * (request bodies, redacted by Bolt) stay at debug.
 */
export class BoltLogger {
    level = LogLevel.INFO;
    log;
    constructor(logger) {
        this.log = logger.child({ component: 'slack' });
    }
    debug(...msg) {
        this.log.debug({}, describe(msg));
    }
    info(...msg) {
        this.log.info({}, describe(msg));
    }
    warn(...msg) {
        this.log.warn({}, describe(msg));
    }
    error(...msg) {
        const err = msg.find((m) => m instanceof Error);
        this.log.error(err ? { err } : {}, describe(msg));
    }
    setLevel(level) {
        this.level = level;
    }
    getLevel() {
        return this.level;
    }
    setName() {
        // pino bindings name the component already.
    }
}
