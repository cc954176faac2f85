/** Thrown by a grader told to wait by the server (HTTP 429); the job waits and stays queued. */
export class GraderRateLimited extends Error {
    retryAfterMs;
    code = 'rate_limited';
    constructor(retryAfterMs, options) {
        super(`grader rate limited, retry after ${retryAfterMs} ms`, options);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * Thrown by a grader whose model replied, but not with a grade it can stand behind: a reply that
 * is not JSON or not the schema (`unusable`), or verdicts mostly backed by quotes the answer does
 * not contain (`unsupported`). The worker grades offline and tells the member which it was.
 */
export class GraderReplyRejected extends Error {
    reason;
    constructor(reason, message, options) {
        super(message, options);
        this.reason = reason;
    }
}
/** The failure a platform reports when a message cannot be delivered. */
export class DeliveryError extends Error {
    code;
    retryAfterMs;
    constructor(code, message, retryAfterMs, options) {
        super(message, options);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }
}
