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

/**
 * The most facts a knowledge file may hold (ten times the largest real file): a 96 MB file blocked
 * the event loop for 70 s while it was validated and indexed. Checked after JSON parsing and before
 * validation; the app also caps the file's size before reading it.
 */
const MAX_FACTS = 5000;

/**
 * Parses and validates knowledge text; throws a RoadmapBotError listing every problem. No error
 * quotes the text: a JSON error gives its line and column only (the file may be a secret one).
 */
export function parseKnowledge(text: string, file: string, limits: { maxFacts?: number } = {}): Knowledge {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text around the error: never pass it on.
    const offset = jsonErrorOffset(text);
    const what = offset >= text.trimEnd().length ? "the text ends too soon" : "unexpected character";
    const problem = { file, path: "$", message: `not valid JSON${lineAndColumn(text, offset)} (${what})` };
    throw new RoadmapBotError("KNOWLEDGE_INVALID_JSON", formatProblem(problem), [problem]);
  }
  const maxFacts = limits.maxFacts ?? MAX_FACTS;
  const facts = (data as { facts?: unknown } | null)?.facts;
  if (Array.isArray(facts) && facts.length > maxFacts) {
    const problem = { file, path: "$.facts", message: `${facts.length} facts; the limit is ${maxFacts} (maxFacts)` };
    throw new RoadmapBotError("KNOWLEDGE_INVALID", formatProblem(problem), [problem]);
  }
  const { knowledge, problems } = validateKnowledge(data, file);
  if (!knowledge) {
    const head = `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge file`;
    throw new RoadmapBotError("KNOWLEDGE_INVALID", [head, ...problems.map((p) => `  ${formatProblem(p)}`)].join("\n"), problems);
  }
  return knowledge;
}
