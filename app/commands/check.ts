import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { formatProblem, type Knowledge, type Problem, parseKnowledge, RoadmapBotError } from "../../src/index.js";
import { uncoveredSentences } from "../curator/coverage.js";
import { lintKnowledge } from "../curator/lint.js";

/**
 * `roadmap-bot check [FILE] [--source TEXT] [--coverage]`: exit 0, or 1 with every problem listed.
 * The source text is `--source`, else the first source's `text` (relative to the knowledge file).
 */
export function runCheck(file: string, sourceArg: string | undefined, print: (line: string) => void, coverage = false): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new RoadmapBotError(
      "KNOWLEDGE_NOT_FOUND",
      `${file}: cannot read the knowledge file (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  let problems: Problem[];
  let k: Knowledge | undefined;
  let source: string | undefined;
  try {
    k = parseKnowledge(text, file);
    source = readSource(sourceArg ?? sourceTextPath(k, file));
    problems = lintKnowledge(k, file, source);
  } catch (err) {
    if (!(err instanceof RoadmapBotError) || err.code === "KNOWLEDGE_NOT_FOUND") throw err;
    problems = err.problems;
  }
  if (coverage && k) {
    if (source === undefined)
      throw new RoadmapBotError(
        "KNOWLEDGE_INVALID",
        `${file}: --coverage needs the source text: pass --source FILE, or set "text" on the source`,
      );
    const missing = uncoveredSentences(k, source);
    if (missing.length) {
      print(
        `${missing.length} sentence${missing.length === 1 ? "" : "s"} of the source ${missing.length === 1 ? "is" : "are"} neither quoted by a fact nor listed under "left_out":`,
      );
      for (const m of missing) print(`  - ${m}`);
      problems.push(...missing.map((m) => ({ file, path: "$.left_out", message: `uncovered sentence: "${m.slice(0, 80)}"` })));
    } else print(`${file}: every sentence of the source is quoted or deliberately left out`);
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

/** The first source's `text`, resolved against the knowledge file's folder (undefined when absent or missing). */
function sourceTextPath(k: Knowledge, file: string): string | undefined {
  const text = k.sources[0]?.text;
  const path = text === undefined ? undefined : resolve(dirname(file), text);
  return path && existsSync(path) ? path : undefined;
}

function readSource(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new RoadmapBotError("KNOWLEDGE_NOT_FOUND", `${path}: cannot read the source text`);
  }
}
