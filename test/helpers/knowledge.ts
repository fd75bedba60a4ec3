import { readFileSync } from "node:fs";
import { loadKnowledgeFile } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import { createEngine, type Knowledge } from "../../src/index.js";

export const knowledge = (): Knowledge => loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH);
export const engine = () => createEngine({ knowledge: knowledge() });
/** A deep copy of the real knowledge file as plain JSON, for tests that break it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests break this JSON on purpose, in any shape.
export const rawKnowledge = (): Record<string, any> => JSON.parse(readFileSync(DEFAULT_KNOWLEDGE_PATH, "utf8"));
