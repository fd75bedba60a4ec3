import type { Knowledge } from "../../src/index.js";
import { looseText } from "./lint.js";

/** The source's sentences, paragraph by paragraph (a line is a paragraph, as on the page). */
export function sentencesOf(source: string): string[] {
  return source
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z“"(])/))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/**
 * The sentences of the source that no fact quotes (a quote part of eight characters or more inside
 * the sentence, or the sentence inside a quote part) and that `left_out` does not list.
 */
export function uncoveredSentences(knowledge: Knowledge, source: string): string[] {
  const parts = knowledge.facts.flatMap((f) =>
    looseText(f.quote)
      .split(/\[?(?:\.\.\.|…)\]?/)
      .map((p) => p.trim())
      .filter((p) => p.length >= 8),
  );
  const leftOut = new Set((knowledge.left_out ?? []).map((l) => looseText(l.text)));
  return sentencesOf(source).filter((s) => {
    const l = looseText(s);
    return !leftOut.has(l) && !parts.some((p) => l.includes(p) || p.includes(l));
  });
}
