import { createHmac, randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { normalise } from "../src/index.js";
import { groupNearDuplicates } from "./unanswered-groups.js";

/** One line of the unanswered log. User ids are written only when the operator opts in. */
export interface UnansweredEntry {
  time: string;
  platform: string;
  question: string;
  kind: string;
  user?: string;
}

/** Bounds on the unanswered log, so one busy (or hostile) user cannot fill the disk. */
export interface UnansweredLogLimits {
  /**
   * The log's size in bytes before it is rotated to `<path>.1` (replacing the previous `.1`), so the
   * log never takes more than twice this on disk. Default 4 MB (about 25,000 questions).
   */
  maxBytes?: number;
  /**
   * The share (0..1) of `maxBytes` that one user may write between two rotations; their further
   * questions are not logged. Default 0.1. Applies only to entries logged with a user key.
   */
  perUserShare?: number;
}

export const UNANSWERED_LOG_DEFAULTS = Object.freeze({ maxBytes: 4 * 1024 * 1024, perUserShare: 0.1 });

/** Writes one entry; `userKey` (any opaque id) is hashed in memory for the per-user share, never written. */
export type UnansweredLog = (entry: Omit<UnansweredEntry, "time">, userKey?: string) => void;

/**
 * Appends every question the bot could not answer (or found ambiguous) to a JSON-lines file, the
 * curator's best guide to what the knowledge lacks. Writing never throws: a full disk must not stop
 * the bot from answering.
 */
export function createUnansweredLog(
  path: string,
  onError: (err: Error) => void = () => {},
  limits: UnansweredLogLimits = {},
): UnansweredLog {
  const { maxBytes, perUserShare } = { ...UNANSWERED_LOG_DEFAULTS, ...limits };
  const userBudget = Math.max(1, Math.floor(maxBytes * perUserShare));
  // Bytes written per user since the last rotation, keyed by a salted hash: the map holds no user id,
  // and it is bounded (each key stands for at least one line of the capped file).
  const written = new Map<string, number>();
  const salt = randomBytes(16);
  let dirReady = false;
  return (entry, userKey) => {
    try {
      if (!dirReady) mkdirSync(dirname(path), { recursive: true });
      dirReady = true;
      const line: UnansweredEntry = { time: new Date().toISOString(), ...entry, question: entry.question.slice(0, 500) };
      const text = `${JSON.stringify(line)}\n`;
      const bytes = Buffer.byteLength(text);
      const user = userKey === undefined ? undefined : hashKey(salt, userKey);
      if (user !== undefined && (written.get(user) ?? 0) + bytes > userBudget) return;
      // The file's own size, not a counter: other processes may write to the same log.
      if (sizeOf(path) + bytes > maxBytes) {
        renameSync(path, `${path}.1`);
        written.clear();
      }
      appendFileSync(path, text);
      if (user !== undefined) written.set(user, (written.get(user) ?? 0) + bytes);
    } catch (err) {
      onError(err as Error);
    }
  };
}

/** A keyed hash with a per-process salt: the map's keys mean nothing outside this process. */
function hashKey(salt: Buffer, key: string): string {
  return createHmac("sha256", salt).update(key).digest("base64url").slice(0, 22);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export interface UnansweredGroup {
  /** The most frequent wording of the group. */
  question: string;
  count: number;
  /** Other wordings that normalise to nearly the same terms. */
  variants: string[];
  platforms: string[];
  lastSeen: string;
}

/** Reads the log (bad lines are skipped) and groups near-duplicates, most frequent first. */
export function groupUnanswered(text: string): UnansweredGroup[] {
  const entries: UnansweredEntry[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as UnansweredEntry;
      if (typeof e.question === "string") entries.push(e);
    } catch {
      // A torn last line (the bot was killed mid-write) must not hide the rest.
    }
  }
  // The same wording comes back often: normalise each once.
  const termsOf = new Map<string, string[]>();
  const terms = entries.map((e) => {
    const known = termsOf.get(e.question);
    if (known) return known;
    const t = [...new Set(normalise(e.question).terms)];
    termsOf.set(e.question, t);
    return t;
  });
  return groupNearDuplicates(terms, 0.6)
    .map((members) => {
      const g = members.map((i) => entries[i] as UnansweredEntry);
      const counts = new Map<string, number>();
      for (const e of g) counts.set(e.question, (counts.get(e.question) ?? 0) + 1);
      let question = "";
      let best = 0;
      for (const [q, c] of counts) if (c > best) [question, best] = [q, c];
      let lastSeen = "";
      for (const e of g) if (typeof e.time === "string" && e.time > lastSeen) lastSeen = e.time;
      return {
        question,
        count: g.length,
        variants: [...counts.keys()].filter((q) => q !== question),
        platforms: [...new Set(g.map((e) => e.platform))],
        lastSeen,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

export const readUnanswered = (path: string): UnansweredGroup[] => groupUnanswered(readFileSync(path, "utf8"));
