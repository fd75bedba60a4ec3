import { readFileSync } from "node:fs";
import { formatProblem, type Knowledge, type Problem, parseKnowledge, RoadmapBotError } from "../../src/index.js";
import { lintKnowledge } from "../../src/knowledge/lint.js";

/** `roadmap-bot check [FILE] [--source TEXT]`: exit 0, or 1 with every problem listed. */
export function runCheck(file: string, sourceFile: string | undefined, print: (line: string) => void): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new RoadmapBotError(
      "KNOWLEDGE_NOT_FOUND",
      `${file}: cannot read the knowledge file (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  let source: string | undefined;
  if (sourceFile) {
    try {
      source = readFileSync(sourceFile, "utf8");
    } catch {
      throw new RoadmapBotError("KNOWLEDGE_NOT_FOUND", `${sourceFile}: cannot read the source text`);
    }
  }
  let problems: Problem[];
  let k: Knowledge | undefined;
  try {
    k = parseKnowledge(text, file);
    problems = lintKnowledge(k, file, source);
  } catch (err) {
    if (!(err instanceof RoadmapBotError)) throw err;
    problems = err.problems;
  }
  if (k && !problems.length) {
    print(
      `${file}: OK (${k.facts.length} facts, ${k.sources.length} source${k.sources.length === 1 ? "" : "s"}${source ? ", every quote found in the source" : ""})`,
    );
    return 0;
  }
  for (const p of problems) print(formatProblem(p));
  print(`${problems.length} problem${problems.length === 1 ? "" : "s"} found.`);
  return 1;
}
