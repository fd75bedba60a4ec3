/** The bot runtime, platform-free: the one pipeline of a question and the state it keeps. */

export { createLogger, type Logger, type LogLevel, parseLogLevel } from "./logger.js";
export {
  conversationKey,
  createPipeline,
  describe,
  type Pipeline,
  type PipelineOptions,
  type PipelineStats,
  type Place,
  type Platform,
  type Question,
  type Reply,
} from "./pipeline.js";
export { createTokenBucket, RATE_LIMIT_DEFAULTS, type RateDecision, type RateLimiter } from "./rate-limit.js";
export { connectRedisStore, describeRedisUrl, type RedisStoreOptions, within } from "./redis-store.js";
export { createMemoryStore, STORE_DEFAULTS, type StateStore, type StoreLimits } from "./state-store.js";
export { createTurnQueue } from "./turn-queue.js";
export { DISCORD_WORDING, FRAMES, type Frame, languageOf, type Notice, REPL_WORDING, SLACK_WORDING, say, WORDING } from "./wording.js";
