import { resolve } from "node:path";
import type { Logger } from "../chat/index.js";
import { createEngine, type Engine, formatProblem } from "../src/index.js";
import { loadKnowledgeFile, readSourceTexts, watchKnowledge } from "./knowledge-file.js";
import { createUnansweredLog } from "./unanswered-log.js";

export interface Runtime {
  engine: Engine;
  /** When the knowledge in use was loaded. */
  loadedAt: () => string;
  close(): void;
}

/**
 * One engine per process, with the curator's loop: questions it cannot answer go to the
 * unanswered log (UNANSWERED_LOG, default ./unanswered.jsonl; "off" disables it), and with
 * `watch` a valid edit of the knowledge file takes effect at once while an invalid one is reported
 * with every problem and the last good knowledge keeps serving.
 */
export function createRuntime(options: { knowledgePath: string; env: NodeJS.ProcessEnv; logger: Logger; watch: boolean }): Runtime {
  const { knowledgePath, env, logger } = options;
  const logPath = env.UNANSWERED_LOG || "unanswered.jsonl";
  const log =
    logPath === "off"
      ? undefined
      : createUnansweredLog(resolve(logPath), (err) =>
          logger.warn("cannot write the unanswered log", { path: logPath, error: err.message }),
        );
  let loadedAt = new Date().toISOString();
  const knowledge = loadKnowledgeFile(knowledgePath);
  const engine = createEngine({
    knowledge,
    sourceTexts: readSourceTexts(knowledge, knowledgePath),
    maxQuestionLength: Number(env.MAX_QUESTION_LENGTH) || undefined,
    idleMs: Number(env.CONVERSATION_IDLE_MS) || undefined,
    maxConversations: Number(env.MAX_CONVERSATIONS) || undefined,
    onUnanswered: log && ((e) => log({ platform: e.platform, question: e.question, kind: e.kind })),
  });
  // A long-running process builds the Chinese index and the autocomplete list now, not on the first question.
  if (options.watch) setImmediate(() => engine.warm());
  const stop = options.watch
    ? watchKnowledge(knowledgePath, {
        onReload: (k) => {
          engine.replaceKnowledge(k, readSourceTexts(k, knowledgePath));
          engine.warm();
          loadedAt = new Date().toISOString();
          logger.info("knowledge reloaded", { facts: k.facts.length });
        },
        onInvalid: (err) =>
          logger.error("knowledge edit rejected; still serving the last good knowledge", { problems: err.problems.map(formatProblem) }),
      })
    : () => {};
  return { engine, loadedAt: () => loadedAt, close: stop };
}
