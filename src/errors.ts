/** Error codes, so callers (the CLI, adapters) can react without parsing messages. */
export type ErrorCode = "KNOWLEDGE_NOT_FOUND" | "KNOWLEDGE_INVALID_JSON" | "KNOWLEDGE_INVALID" | "CONFIG_INVALID";

/** One problem in a knowledge file: where (file + JSON path) and what is wrong. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

export class RoadmapBotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "RoadmapBotError";
  }
}

export const formatProblem = (p: Problem): string => `${p.file}: ${p.path}: ${p.message}`;
