import { closeSync, constants, type FSWatcher, fstatSync, openSync, readSync, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { formatProblem, type Knowledge, parseKnowledge, RoadmapBotError } from "../src/index.js";

/** How big a knowledge file may be (ten times the largest real one): a 96 MB file blocked the bot for 70 s. */
export interface KnowledgeLimits {
  /** The file's size in bytes, checked before any of it is parsed. Default 5 MB. */
  maxBytes?: number;
  /** The number of facts, checked after JSON parsing and before validation and indexing. Default 5,000. */
  maxFacts?: number;
}

export const KNOWLEDGE_LIMITS = Object.freeze({ maxBytes: 5 * 1024 * 1024 });

/**
 * Reads, parses and validates a knowledge file. A file larger than `limits.maxBytes` (default
 * 5 MB) is refused before any of it is parsed, and one with more than `limits.maxFacts` facts
 * (default 5,000) before it is validated or indexed: a huge file would block the bot for a minute.
 * Nothing of a refused file's text appears in the error (the path might name /proc/self/environ).
 */
export function loadKnowledgeFile(file: string, limits: KnowledgeLimits = {}): Knowledge {
  return parseKnowledge(readKnowledgeText(file, limits), file, limits);
}

/**
 * The text of a knowledge file, refused (with a RoadmapBotError naming the limit) when it is not a
 * regular file or is larger than the limit. Reads through one file descriptor, so what is checked is
 * what is read, and never more than the limit: /proc files report a size of 0.
 */
export function readKnowledgeText(file: string, limits: KnowledgeLimits = {}): string {
  const maxBytes = limits.maxBytes ?? KNOWLEDGE_LIMITS.maxBytes;
  const refuse = (code: "KNOWLEDGE_NOT_FOUND" | "KNOWLEDGE_INVALID", message: string): never => {
    const problem = { file, path: "$", message };
    throw new RoadmapBotError(code, formatProblem(problem), [problem]);
  };
  let fd: number | undefined;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) refuse("KNOWLEDGE_NOT_FOUND", "cannot read the knowledge file (not a regular file)");
    if (stat.size > maxBytes) refuse("KNOWLEDGE_INVALID", tooLarge(stat.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) refuse("KNOWLEDGE_INVALID", tooLarge(total, maxBytes, true));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } catch (err) {
    if (err instanceof RoadmapBotError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    // The error code only: Node's message repeats the path, and nothing else is worth showing.
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "not a regular file" : (code ?? "error").toLowerCase();
    return refuse("KNOWLEDGE_NOT_FOUND", `cannot read the knowledge file (${why})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number, limit: number, atLeast = false): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1)} MB`;
  return `the knowledge file is ${atLeast ? "more than " : ""}${atLeast ? mb(limit) : mb(size)}; the limit is ${mb(limit)} (maxBytes)`;
}

/**
 * The text of each source that names one (`text`, relative to the knowledge file), by source id,
 * for the engine's citation links. A text that cannot be read is left out: its links then fall back
 * to the quote alone (`check --coverage` is where a missing text is reported).
 */
export function readSourceTexts(knowledge: Knowledge, file: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const s of knowledge.sources) {
    const read = s.text === undefined ? undefined : safeRead(resolve(dirname(file), s.text), {});
    const text = typeof read === "string" ? read : undefined;
    if (text !== undefined) texts[s.id] = text;
  }
  return texts;
}

export interface WatchEvents {
  /** A valid edit: serve this knowledge from now on. */
  onReload(knowledge: Knowledge): void;
  /** An invalid edit (or one past the limits): every problem; the last good knowledge keeps serving. */
  onInvalid(error: RoadmapBotError): void;
}

/**
 * Watches a knowledge file and reloads it after edits settle (editors write in several steps, and
 * some replace the file, so the folder is watched, not the file). An edit past the limits is
 * reported through `onInvalid` without being parsed. Returns a function that stops it.
 */
export function watchKnowledge(file: string, events: WatchEvents, settleMs = 300, limits: KnowledgeLimits = {}): () => void {
  let timer: NodeJS.Timeout | undefined;
  const key = (read: ReturnType<typeof safeRead>) => (read instanceof RoadmapBotError ? read.message : read);
  let last = key(safeRead(file, limits));
  const reload = () => {
    const text = safeRead(file, limits);
    if (text === undefined || key(text) === last) return;
    last = key(text);
    try {
      if (text instanceof RoadmapBotError) throw text;
      events.onReload(parseKnowledge(text, file, limits));
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

/**
 * The file's text; the refusal itself when it is past the limits (reported once per change, by
 * its message); undefined while it cannot be read (mid-rename), which is retried on the next event.
 */
function safeRead(file: string, limits: KnowledgeLimits): string | RoadmapBotError | undefined {
  try {
    return readKnowledgeText(file, limits);
  } catch (err) {
    if (err instanceof RoadmapBotError && err.code === "KNOWLEDGE_INVALID") return err;
    return undefined;
  }
}
