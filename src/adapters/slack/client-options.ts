/** The Web API client settings prepbot uses wherever it talks to Slack (the adapter, the grading service). */
export function slackClientOptions(apiUrl?: string) {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    // A 429 becomes a DeliveryError with its Retry-After, so the core's queue waits it out.
    rejectRateLimitedCalls: true,
    // No blind retries: a post whose response was lost would appear twice. The core retries posts.
    retryConfig: { retries: 0 },
    timeout: 15_000,
  };
}
