import type { Knowledge, Problem } from "../../src/index.js";
import { createEngine, isFactAnswer, normalise } from "../../src/index.js";

/** Loose comparison, as the quote checker does: NFKC, quotes, dashes, white space, case. */
export const looseText = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** True when every part of the quote (split at `[…]` elisions) appears in the source, in order. */
export function quoteInSource(quote: string, source: string): boolean {
  const text = looseText(source);
  let at = 0;
  for (const part of looseText(quote)
    .split(/\[?(?:\.\.\.|…)\]?/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const i = text.indexOf(part, at);
    if (i < 0) return false;
    at = i + part.length;
  }
  return true;
}

/**
 * Curator's lint, beyond the schema: a phrasing listed under two facts, a fact that its own
 * questions do not retrieve, a curated refusal that is answered (or is a fact's own phrasing), a
 * quote that is not verbatim in the source text (when given).
 */
export function lintKnowledge(knowledge: Knowledge, file: string, sourceText?: string): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  knowledge.facts.forEach((fact, i) => {
    fact.questions.forEach((q, j) => {
      const key = normalise(q).terms.join(" ");
      const other = owner.get(key);
      if (other && other !== fact.id)
        problems.push({ file, path: `$.facts[${i}].questions[${j}]`, message: `"${q}" is also a question of fact "${other}"` });
      else owner.set(key, fact.id);
    });
  });
  const engine = createEngine({ knowledge });
  const stated = (q: string) => {
    const a = engine.answer(q).answer;
    return isFactAnswer(a) ? a.factIds : [];
  };
  knowledge.facts.forEach((fact, i) => {
    const misses = fact.questions.filter((q) => !stated(q).includes(fact.id));
    for (const q of misses)
      problems.push({
        file,
        path: `$.facts[${i}].questions[${fact.questions.indexOf(q)}]`,
        message: `"${q}" does not retrieve its own fact "${fact.id}" (${stated(q)[0] ?? "refused"})`,
      });
    if (sourceText !== undefined && !quoteInSource(fact.quote, sourceText))
      problems.push({ file, path: `$.facts[${i}].quote`, message: "the quote is not verbatim in the source text" });
  });
  // A curated refusal must be refused, and must not be one of a fact's own phrasings.
  (knowledge.refusals ?? []).forEach((r, i) => {
    const answered = stated(r)[0];
    const key = normalise(r).terms.join(" ");
    const own = owner.get(key);
    if (own)
      problems.push({ file, path: `$.refusals[${i}]`, message: `"${r}" is also a question of fact "${own}": a refusal cannot be both` });
    else if (answered)
      problems.push({ file, path: `$.refusals[${i}]`, message: `"${r}" is listed as a refusal but answered with fact "${answered}"` });
  });
  return problems;
}
