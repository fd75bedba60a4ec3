import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { normalise } from "../src/index.js";

/** One line of the unanswered log. User ids are written only when the operator opts in. */
export interface UnansweredEntry {
  time: string;
  platform: string;
  question: string;
  kind: string;
  user?: string;
}

/**
 * Appends every question the bot could not answer (or found ambiguous) to a JSON-lines file, the
 * curator's best guide to what the knowledge lacks. Writing never throws: a full disk must not stop
 * the bot from answering.
 */
export function createUnansweredLog(path: string, onError: (err: Error) => void = () => {}) {
  let dirReady = false;
  return (entry: Omit<UnansweredEntry, "time">): void => {
    try {
      if (!dirReady) mkdirSync(dirname(path), { recursive: true });
      dirReady = true;
      const line: UnansweredEntry = { time: new Date().toISOString(), ...entry, question: entry.question.slice(0, 500) };
      appendFileSync(path, `${JSON.stringify(line)}\n`);
    } catch (err) {
      onError(err as Error);
    }
  };
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
  const groups: { terms: Set<string>; entries: UnansweredEntry[] }[] = [];
  for (const e of entries) {
    const terms = new Set(normalise(e.question).terms);
    const home = groups.find((g) => similarity(g.terms, terms) >= 0.6);
    if (home) home.entries.push(e);
    else groups.push({ terms, entries: [e] });
  }
  return groups
    .map((g) => {
      const counts = new Map<string, number>();
      for (const e of g.entries) counts.set(e.question, (counts.get(e.question) ?? 0) + 1);
      const [question] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
      return {
        question,
        count: g.entries.length,
        variants: [...counts.keys()].filter((q) => q !== question),
        platforms: [...new Set(g.entries.map((e) => e.platform))],
        lastSeen:
          g.entries
            .map((e) => e.time)
            .sort()
            .at(-1) ?? "",
      };
    })
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

export const readUnanswered = (path: string): UnansweredGroup[] => groupUnanswered(readFileSync(path, "utf8"));

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}
