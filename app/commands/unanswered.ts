import { existsSync } from "node:fs";
import { readUnanswered } from "../unanswered-log.js";

/** `roadmap-bot unanswered [LOG]`: what people asked that the knowledge lacks, grouped, most frequent first. */
export function runUnanswered(path: string, json: boolean, print: (line: string) => void): number {
  if (!existsSync(path)) {
    print(`No unanswered log at ${visible(path)} yet: every question so far was answered (or the log is elsewhere: UNANSWERED_LOG).`);
    return 0;
  }
  const groups = readUnanswered(path);
  if (json) {
    print(JSON.stringify(groups));
    return 0;
  }
  const total = groups.reduce((s, g) => s + g.count, 0);
  print(
    `${total} unanswered question${total === 1 ? "" : "s"} in ${groups.length} group${groups.length === 1 ? "" : "s"} (${visible(path)}):`,
  );
  for (const g of groups) {
    print(
      `${String(g.count).padStart(5)}  ${visible(g.question)}   [${g.platforms.map(visible).join(", ")}; last ${visible(g.lastSeen.slice(0, 16))}]`,
    );
    for (const v of g.variants.slice(0, 5)) print(`         ~ ${visible(v)}`);
  }
  return 0;
}

/**
 * The log holds what strangers typed: control characters (ESC, BEL, line breaks) and bidirectional
 * overrides (RLO) would drive the curator's terminal or forge lines ("0 unanswered questions"), so
 * they are printed as escapes (\u001b). Lone surrogates too: they cannot be printed at all.
 */
export function visible(text: unknown): string {
  return String(text).replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${(c.charCodeAt(0) as number).toString(16).padStart(4, "0")}`,
  );
}
