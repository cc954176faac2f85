/**
 * node-cron's own messages through our logger: its default logger writes coloured lines to
 * stdout, which on the console is the chat.
 */
export function cronLogger(logger) {
    const errorOf = (message, err) => (message instanceof Error ? message : err);
    const text = (message) => `node-cron: ${message instanceof Error ? message.message : message}`;
    return {
        info: (message) => logger.debug({}, text(message)),
        warn: (message) => logger.warn({}, text(message)),
        error: (message, err) => logger.error({ err: errorOf(message, err) }, text(message)),
        debug: (message, err) => logger.debug({ err: errorOf(message, err) }, text(message)),
    };
}
