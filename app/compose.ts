import { resolve } from "node:path";
import { connectRedisStore, createMemoryStore, createPipeline, type Logger, type Pipeline, type StateStore } from "../chat/index.js";
import { createEngine, type Engine, formatProblem, type Knowledge } from "../src/index.js";
import type { AppConfig } from "./config.js";
import { loadKnowledgeFile, readSourceTexts, watchKnowledge } from "./knowledge-file.js";
import { createUnansweredLog, type UnansweredLog } from "./unanswered-log.js";

/** Everything a running bot shares, whichever platforms it serves: composed once, here. */
export interface Bot {
  /** The engine in use: a new one replaces it when the knowledge file changes. */
  engine: () => Engine;
  pipeline: Pipeline;
  store: StateStore;
  /** When the knowledge in use was loaded. */
  loadedAt: () => string;
  /** Stops watching the file and closes the store. */
  close(): Promise<void>;
}

/** The engine for a knowledge file (with its sources' texts, for citation links), with the configured limits. */
export function engineFor(knowledge: Knowledge, config: AppConfig, knowledgePath: string): Engine {
  return createEngine({
    knowledge,
    sourceTexts: readSourceTexts(knowledge, knowledgePath),
    maxQuestionLength: config.core.MAX_QUESTION_LENGTH,
  });
}

/** The curator's unanswered log (UNANSWERED_LOG, default ./unanswered.jsonl; "off": none). */
export function unansweredLog(config: AppConfig, logger: Logger): UnansweredLog | undefined {
  const logPath = config.core.UNANSWERED_LOG || "unanswered.jsonl";
  if (logPath === "off") return undefined;
  return createUnansweredLog(resolve(logPath), (err) =>
    logger.warn("cannot write the unanswered log", { path: logPath, error: err.message }),
  );
}

/**
 * Composes the bot: the engine (hot-reloaded with `watch`: a valid edit takes effect at once, an
 * invalid one is reported with every problem while the last good knowledge keeps serving), the
 * state store (Redis when REDIS_URL is set, this process's memory otherwise), the curator's
 * unanswered log (UNANSWERED_LOG, default ./unanswered.jsonl; "off" disables it) and the pipeline.
 */
export async function composeBot(options: { knowledgePath: string; config: AppConfig; logger: Logger; watch: boolean }): Promise<Bot> {
  const { knowledgePath, config, logger } = options;
  let engine = engineFor(loadKnowledgeFile(knowledgePath), config, knowledgePath);
  let loadedAt = new Date().toISOString();
  const log = unansweredLog(config, logger);
  const store = config.redisUrl
    ? await connectRedisStore({ url: config.redisUrl, logger, prefix: "roadmap-bot:", limits: config.limits })
    : createMemoryStore(config.limits);
  const pipeline = createPipeline({
    engine: () => engine,
    store,
    logger,
    ...(log && {
      onUnanswered: ({ user, ...entry }: { platform: string; question: string; kind: string; user: string }) => log(entry, user),
    }),
  });
  // A long-running process builds the Chinese index and the autocomplete list now, not on the first question.
  if (options.watch) setImmediate(() => engine.warm());
  const stopWatching = options.watch
    ? watchKnowledge(knowledgePath, {
        onReload: (k) => {
          const next = engineFor(k, config, knowledgePath);
          next.warm();
          engine = next;
          loadedAt = new Date().toISOString();
          logger.info("knowledge reloaded", { facts: k.facts.length });
        },
        onInvalid: (err) =>
          logger.error("knowledge edit rejected; still serving the last good knowledge", { problems: err.problems.map(formatProblem) }),
      })
    : () => {};
  return {
    engine: () => engine,
    pipeline,
    store,
    loadedAt: () => loadedAt,
    async close() {
      stopWatching();
      await store.close();
    },
  };
}
