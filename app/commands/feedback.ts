import { readFileSync } from "node:fs";

/**
 * `roadmap-bot feedback LOG…`: 👍/👎 per fact from the bots' JSON-lines logs (one "feedback" line
 * per press; older logs said "slack feedback" and "discord feedback"), weakest answers first, so a
 * curator sees which to fix.
 */
export function runFeedback(files: string[], print: (line: string) => void): number {
  const per = new Map<string, { up: number; down: number }>();
  let lines = 0;
  for (const file of files)
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.includes("feedback")) continue;
      let row: { msg?: unknown; outcome?: unknown; factIds?: unknown };
      try {
        row = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof row.msg !== "string" || !/^((slack|discord) )?feedback$/.test(row.msg) || !Array.isArray(row.factIds)) continue;
      lines++;
      for (const id of row.factIds.filter((x): x is string => typeof x === "string")) {
        const t = per.get(id) ?? { up: 0, down: 0 };
        if (row.outcome === "helpful") t.up++;
        else if (row.outcome === "not-helpful") t.down++;
        per.set(id, t);
      }
    }
  if (!lines) {
    print(`No feedback in ${files.join(", ")} yet (the bots log each 👍/👎 as a "feedback" line).`);
    return 0;
  }
  // Weakest first: the most 👎, then the lowest share of 👍.
  const rows = [...per].sort(([, a], [, b]) => b.down - a.down || a.up / (a.up + a.down) - b.up / (b.up + b.down));
  print(`${lines} feedback press${lines === 1 ? "" : "es"}, ${rows.length} fact${rows.length === 1 ? "" : "s"}, weakest first:`);
  print(`${"fact".padEnd(28)} ${"👍".padStart(5)} ${"👎".padStart(5)}  helpful`);
  for (const [id, t] of rows)
    print(`${id.padEnd(28)} ${String(t.up).padStart(5)} ${String(t.down).padStart(5)}  ${Math.round((100 * t.up) / (t.up + t.down))}%`);
  return 0;
}
