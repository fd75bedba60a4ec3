import { existsSync } from "node:fs";
import { readUnanswered } from "../unanswered-log.js";

/** `roadmap-bot unanswered [LOG]`: what people asked that the knowledge lacks, grouped, most frequent first. */
export function runUnanswered(path: string, json: boolean, print: (line: string) => void): number {
  if (!existsSync(path)) {
    print(`No unanswered log at ${path} yet: every question so far was answered (or the log is elsewhere: UNANSWERED_LOG).`);
    return 0;
  }
  const groups = readUnanswered(path);
  if (json) {
    print(JSON.stringify(groups));
    return 0;
  }
  const total = groups.reduce((s, g) => s + g.count, 0);
  print(`${total} unanswered question${total === 1 ? "" : "s"} in ${groups.length} group${groups.length === 1 ? "" : "s"} (${path}):`);
  for (const g of groups) {
    print(`${String(g.count).padStart(5)}  ${g.question}   [${g.platforms.join(", ")}; last ${g.lastSeen.slice(0, 16)}]`);
    for (const v of g.variants.slice(0, 5)) print(`         ~ ${v}`);
  }
  return 0;
}
