import { type FSWatcher, readFileSync, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { formatProblem, type Knowledge, parseKnowledge, RoadmapBotError } from "../src/index.js";

/** Reads, parses and validates a knowledge file. */
export function loadKnowledgeFile(file: string): Knowledge {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    const problem = { file, path: "$", message: `cannot read the knowledge file (${why})` };
    throw new RoadmapBotError("KNOWLEDGE_NOT_FOUND", formatProblem(problem), [problem]);
  }
  return parseKnowledge(text, file);
}

/**
 * The text of each source that names one (`text`, relative to the knowledge file), by source id,
 * for the engine's citation links. A text that cannot be read is left out: its links then fall back
 * to the quote alone (`check --coverage` is where a missing text is reported).
 */
export function readSourceTexts(knowledge: Knowledge, file: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const s of knowledge.sources) {
    const text = s.text === undefined ? undefined : safeRead(resolve(dirname(file), s.text));
    if (text !== undefined) texts[s.id] = text;
  }
  return texts;
}

export interface WatchEvents {
  /** A valid edit: serve this knowledge from now on. */
  onReload(knowledge: Knowledge): void;
  /** An invalid edit: every problem; the last good knowledge keeps serving. */
  onInvalid(error: RoadmapBotError): void;
}

/**
 * Watches a knowledge file and reloads it after edits settle (editors write in several steps, and
 * some replace the file, so the folder is watched, not the file). Returns a function that stops it.
 */
export function watchKnowledge(file: string, events: WatchEvents, settleMs = 300): () => void {
  let timer: NodeJS.Timeout | undefined;
  let last = safeRead(file);
  const reload = () => {
    const text = safeRead(file);
    if (text === undefined || text === last) return;
    last = text;
    try {
      events.onReload(parseKnowledge(text, file));
    } catch (err) {
      if (err instanceof RoadmapBotError) events.onInvalid(err);
      else events.onInvalid(new RoadmapBotError("KNOWLEDGE_INVALID", `${file}: ${(err as Error).message}`));
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(file), (_event, name) => {
      if (name && name !== basename(file)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, settleMs);
    });
    watcher.on("error", () => {});
  } catch {
    // No watcher (an odd file system): the bot still serves, without hot reload.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
