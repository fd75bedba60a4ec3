/** The platform-free core of roadmap-bot: everything adapters may import. */

export { inQuotationMarks } from "./citation.js";
export { createEngine, DEFAULTS, type EngineOptions } from "./engine.js";
export type { About, ConversationSnapshot, Engine } from "./engine-api.js";
export { formatProblem, type Problem, RoadmapBotError } from "./errors.js";
export { loadKnowledgeFile, parseKnowledge, validateKnowledge } from "./knowledge/load.js";
export type { Fact, Knowledge, Source } from "./knowledge/schema.js";
export { createLogger, type Logger, type LogLevel, parseLogLevel } from "./logger.js";
export { createTokenBucket, RATE_LIMIT_DEFAULTS, type RateDecision, type RateLimiter, rateLimiterFromEnv } from "./rate-limit.js";
export type * from "./types.js";
