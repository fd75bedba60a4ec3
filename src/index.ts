/** The platform-free core of roadmap-bot: everything adapters may import. */
export { createEngine, DEFAULTS, type EngineOptions } from "./engine.js";
export type { About, ConversationSnapshot, Engine } from "./engine-api.js";
export { createTokenBucket, rateLimiterFromEnv, type RateDecision, type RateLimiter } from "./rate-limit.js";
export { DEFAULT_KNOWLEDGE_PATH, loadKnowledgeFile, parseKnowledge, validateKnowledge } from "./knowledge/load.js";
export type { Fact, Knowledge, Source } from "./knowledge/schema.js";
export { RoadmapBotError, formatProblem, type Problem } from "./errors.js";
export { createLogger, parseLogLevel, type Logger, type LogLevel } from "./logger.js";
export type * from "./types.js";
