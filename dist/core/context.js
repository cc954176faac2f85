export const DEFAULT_OPTIONS = {
    defaultTimezone: 'UTC',
    revealAfterHours: 24,
    catchUpHours: 6,
    adminUserIds: [],
    maxAnswersPerHour: 30,
    maxAnswerLength: 4000,
    gradingConcurrency: 4,
    rateLimitPatienceMs: 15 * 60_000,
    liveCountIntervalMs: 2_000,
};
