/** The platform-free core of roadmap-bot: everything adapters may import. */

export { inQuotationMarks } from "./citation.js";
export { createEngine, DEFAULTS, type EngineOptions } from "./engine.js";
export type { About, ConversationSnapshot, Engine } from "./engine-api.js";
export { formatProblem, type Problem, RoadmapBotError } from "./errors.js";
export { knowledgeJsonSchema } from "./knowledge/json-schema.js";
export { parseKnowledge, validateKnowledge } from "./knowledge/load.js";
export type { Fact, Knowledge, Source } from "./knowledge/schema.js";
export { normalise } from "./match/normalise.js";
export type * from "./types.js";
