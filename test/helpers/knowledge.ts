import { readFileSync } from "node:fs";
import { DEFAULT_KNOWLEDGE_PATH } from "../../adapters/cli/knowledge-path.js";
import { createEngine, type Knowledge, loadKnowledgeFile } from "../../src/index.js";

export const knowledge = (): Knowledge => loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH);
export const engine = () => createEngine({ knowledge: knowledge() });
/** A deep copy of the real knowledge file as plain JSON, for tests that break it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests break this JSON on purpose, in any shape.
export const rawKnowledge = (): Record<string, any> => JSON.parse(readFileSync(DEFAULT_KNOWLEDGE_PATH, "utf8"));
