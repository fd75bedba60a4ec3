/** The engine: the only door into src/. Everything the chat runtime, adapters and app may use. */

export { inQuotationMarks } from "./citation.js";
export * from "./contract.js";
export { createEngine, DEFAULTS, type EngineOptions } from "./engine.js";
export { configError, ERROR_CODES, type ErrorCode, formatProblem, type Problem, RoadmapBotError } from "./errors.js";
export { knowledgeJsonSchema } from "./knowledge/json-schema.js";
export { parseKnowledge, validateKnowledge } from "./knowledge/load.js";
export type { Fact, Knowledge, Source } from "./knowledge/schema.js";
export { stripMarkup } from "./match/chat.js";
export { normalise } from "./match/normalise.js";
