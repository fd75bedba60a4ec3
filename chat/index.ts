/** The bot runtime, platform-free: what adapters and the app may import from chat/. */

export { createLogger, type Logger, type LogLevel, parseLogLevel } from "./logger.js";
export { createTokenBucket, RATE_LIMIT_DEFAULTS, type RateDecision, type RateLimiter, rateLimiterFromEnv } from "./rate-limit.js";
export { type ContextStore, type EventDedup, redisSecrets, type SharedStores, sharedConfigProblems, storesFromEnv } from "./stores.js";
