/** Thrown by a grader told to wait by the server (HTTP 429); the job waits and stays queued. */
export class GraderRateLimited extends Error {
    retryAfterMs;
    code = 'rate_limited';
    constructor(retryAfterMs, options) {
        super(`grader rate limited, retry after ${retryAfterMs} ms`, options);
        this.retryAfterMs = retryAfterMs;
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
