import { formatProblem, type Problem, RoadmapBotError } from "../errors.js";
import { jsonErrorOffset, lineAndColumn } from "./json-position.js";
import { crossReferenceIssues, type Knowledge, KnowledgeShape } from "./schema.js";

/** Renders a zod path as a JSON path: `$.facts[3].related[0]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`), "$");
}

/** Validates parsed JSON; returns the knowledge or every problem found (not only the first). */
export function validateKnowledge(data: unknown, file: string): { knowledge?: Knowledge; problems: Problem[] } {
  // Shape and cross-references in one run: a missing field, a duplicate id and an unknown source
  // in the same file are all reported at once.
  const result = KnowledgeShape.safeParse(data);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message }))),
    ...crossReferenceIssues(data).map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message })),
  ];
  return result.success && !problems.length ? { knowledge: result.data, problems } : { problems };
}

/** Parses and validates knowledge text; throws a RoadmapBotError listing every problem. */
export function parseKnowledge(text: string, file: string): Knowledge {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/\s+/g, " ");
    const problem = { file, path: "$", message: `not valid JSON${lineAndColumn(text, jsonErrorOffset(text))}: ${why.slice(0, 120)}` };
    throw new RoadmapBotError("KNOWLEDGE_INVALID_JSON", formatProblem(problem), [problem]);
  }
  const { knowledge, problems } = validateKnowledge(data, file);
  if (!knowledge) {
    const head = `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge file`;
    throw new RoadmapBotError("KNOWLEDGE_INVALID", [head, ...problems.map((p) => `  ${formatProblem(p)}`)].join("\n"), problems);
  }
  return knowledge;
}
