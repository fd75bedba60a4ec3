import type { Answer, Choice, Citation } from "../../src/index.js";

/** The fields a renderer test may set, whatever the kind (`answer` is the text, `suggestions` the questions offered). */
export interface AnswerFields {
  kind?: Answer["kind"];
  answer?: string;
  citations?: Citation[];
  factIds?: string[];
  confidence?: number;
  suggestions?: string[];
  choices?: Choice[];
  language?: "en" | "zh";
  answered?: boolean;
}

/** Builds a well-formed Answer of any kind for renderer tests. */
export function answerOf(o: AnswerFields): Answer {
  const evidence = { question: "", terms: [], threshold: 0.75 };
  const base = { text: o.answer ?? "", language: o.language ?? "en", evidence };
  const kind = o.kind ?? "fact";
  if (kind === "fact" || kind === "overview")
    return {
      ...base,
      kind,
      citations: o.citations ?? [],
      factIds: o.factIds ?? [],
      confidence: o.confidence ?? 1,
      related: o.suggestions ?? [],
    };
  if (kind === "clarify") return { ...base, kind, choices: o.choices ?? [] };
  if (kind === "too-long") return { ...base, kind, limit: 1000 };
  return { ...base, kind, suggestions: o.suggestions ?? [] };
}
