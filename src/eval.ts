import type { Engine } from "./engine-api.js";

/** One labelled question: the fact that must answer it, or null when the bot must refuse. */
export interface LabelledQuestion {
  q: string;
  fact: string | null;
  category?: string;
}

export interface EvalRow {
  category: string;
  total: number;
  correct: number;
}

export interface EvalReport {
  inScope: { total: number; correct: number; accuracy: number };
  outOfScope: { total: number; correct: number; accuracy: number };
  categories: EvalRow[];
  failures: { q: string; expected: string | null; got: string | null; confidence: number }[];
}

/** Parses a JSON Lines labelled set; throws with the line number of the first bad line. */
export function parseLabelledSet(text: string, file = "labelled set"): LabelledQuestion[] {
  return text
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line && !line.startsWith("//"))
    .map(([line, no]) => {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${no}: not valid JSON`);
      }
      const r = row as Partial<LabelledQuestion>;
      if (typeof r.q !== "string" || !(r.fact === null || typeof r.fact === "string"))
        throw new Error(`${file}:${no}: each line needs "q" (a string) and "fact" (a fact id or null)`);
      return { q: r.q, fact: r.fact, category: r.category ?? (r.fact ? "in-scope" : "out-of-scope") };
    });
}

/** Asks every question (each in a fresh conversation) and counts right answers and right refusals. */
export function evaluate(engine: Engine, set: LabelledQuestion[]): EvalReport {
  const rows = new Map<string, EvalRow>();
  const failures: EvalReport["failures"] = [];
  const scope = { in: { total: 0, correct: 0 }, out: { total: 0, correct: 0 } };
  for (const item of set) {
    const a = engine.answer(item.q, { platform: "test" });
    const got = a.answered ? (a.factIds[0] ?? null) : null;
    const ok = item.fact === null ? !a.answered : a.answered && a.factIds.includes(item.fact) && a.citations.length > 0;
    const bucket = item.fact === null ? scope.out : scope.in;
    bucket.total++;
    if (ok) bucket.correct++;
    else failures.push({ q: item.q, expected: item.fact, got, confidence: a.confidence });
    const cat = item.category ?? "uncategorised";
    const row = rows.get(cat) ?? { category: cat, total: 0, correct: 0 };
    row.total++;
    if (ok) row.correct++;
    rows.set(cat, row);
  }
  const acc = (b: { total: number; correct: number }) => ({ ...b, accuracy: b.total ? b.correct / b.total : 1 });
  return { inScope: acc(scope.in), outOfScope: acc(scope.out), categories: [...rows.values()], failures };
}
