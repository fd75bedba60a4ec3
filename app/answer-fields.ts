import { type Answer, isFactAnswer } from "../src/index.js";

/**
 * The fields every kind of answer had before the Answer became a union by kind, as `ask --json`
 * prints them (scripts read them): `answered`, `answer` (the text), `citations`, `factIds`,
 * `confidence` and `suggestions` (related questions, suggestions or a clarify's choices).
 */
export function answerFields(a: Answer) {
  const fact = isFactAnswer(a);
  return {
    answered: fact,
    answer: a.text,
    citations: fact ? a.citations : [],
    factIds: fact ? a.factIds : [],
    confidence: fact ? a.confidence : Math.round((a.evidence.decision ?? 0) * 1000) / 1000,
    suggestions: fact ? a.related : a.kind === "clarify" ? a.choices.map((c) => c.question) : "suggestions" in a ? a.suggestions : [],
  };
}
