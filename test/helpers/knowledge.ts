import { readFileSync } from "node:fs";
import { answerFields } from "../../app/answer-fields.js";
import { loadKnowledgeFile } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import { type Answer, createEngine, type Engine, type Knowledge, type Turn } from "../../src/index.js";

export const knowledge = (): Knowledge => loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH);
export const engine = () => createEngine({ knowledge: knowledge() });
/** A deep copy of the real knowledge file as plain JSON, for tests that break it on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: tests break this JSON on purpose, in any shape.
export const rawKnowledge = (): Record<string, any> => JSON.parse(readFileSync(DEFAULT_KNOWLEDGE_PATH, "utf8"));

/**
 * An answer with every field a test may look at, whatever its kind: `answered`, `factIds`,
 * `citations`, `suggestions` (related questions, suggestions or choices) and `answer` (its text).
 */
export function flat(a: Answer) {
  return { ...a, ...answerFields(a), choices: a.kind === "clarify" ? a.choices : undefined };
}

/** Asks one question of an engine (a fresh conversation unless a turn is given) and flattens the answer. */
export const ask = (e: Engine, q: string, turn?: Turn) => flat(e.answer(q, turn).answer);
