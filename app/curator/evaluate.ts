import { type Engine, isFactAnswer, type Turn } from "../../src/index.js";

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

/**
 * Parses JSON Lines (blank lines and `//` comments skipped), checking each row with `check`, which
 * returns the row or an error message; throws with the line number of the first bad line.
 */
function parseJsonLines<T>(text: string, file: string, check: (row: never) => T | string): T[] {
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
      const checked = check((row ?? {}) as never);
      if (typeof checked === "string") throw new Error(`${file}:${no}: ${checked}`);
      return checked;
    });
}

/** Parses a JSON Lines labelled set; throws with the line number of the first bad line. */
export function parseLabelledSet(text: string, file = "labelled set"): LabelledQuestion[] {
  return parseJsonLines(text, file, (r: Partial<LabelledQuestion>) =>
    typeof r.q !== "string" || !(r.fact === null || typeof r.fact === "string")
      ? 'each line needs "q" (a string) and "fact" (a fact id or null)'
      : { q: r.q, fact: r.fact, category: r.category ?? (r.fact ? "in-scope" : "out-of-scope") },
  );
}

/** Asks every question (each in a fresh conversation) and counts right answers and right refusals. */
export function evaluate(engine: Engine, set: LabelledQuestion[]): EvalReport {
  const rows = new Map<string, EvalRow>();
  const failures: EvalReport["failures"] = [];
  const scope = { in: { total: 0, correct: 0 }, out: { total: 0, correct: 0 } };
  for (const item of set) {
    const a = engine.answer(item.q).answer;
    const stated = isFactAnswer(a) ? a.factIds : [];
    const got = stated[0] ?? null;
    const ok = item.fact === null ? !isFactAnswer(a) : isFactAnswer(a) && stated.includes(item.fact) && a.citations.length > 0;
    const bucket = item.fact === null ? scope.out : scope.in;
    bucket.total++;
    if (ok) bucket.correct++;
    else failures.push({ q: item.q, expected: item.fact, got, confidence: isFactAnswer(a) ? a.confidence : (a.evidence.decision ?? 0) });
    const cat = item.category ?? "uncategorised";
    const row = rows.get(cat) ?? { category: cat, total: 0, correct: 0 };
    row.total++;
    if (ok) row.correct++;
    rows.set(cat, row);
  }
  const acc = (b: { total: number; correct: number }) => ({ ...b, accuracy: b.total ? b.correct / b.total : 1 });
  return { inScope: acc(scope.in), outOfScope: acc(scope.out), categories: [...rows.values()], failures };
}

/** A labelled conversation: each turn's question, the fact its reply must state (null: none), optional text. */
export interface LabelledConversation {
  id: string;
  turns: { q: string; fact: string | null; contains?: string }[];
}

export interface ConversationReport {
  conversations: number;
  turns: { total: number; correct: number; accuracy: number };
  failures: { id: string; turn: number; q: string; expected: string | null; got: string | null; reply: string }[];
}

/** True when a JSON-lines file holds conversations (objects with `turns`) rather than questions. */
export const isConversationFile = (text: string): boolean => /^\s*\{[^\n]*"turns"\s*:/.test(text);

export function parseConversations(text: string, file = "conversations"): LabelledConversation[] {
  return parseJsonLines(text, file, (row: Partial<LabelledConversation>) =>
    typeof row.id !== "string" || !Array.isArray(row.turns) || row.turns.some((t) => typeof t?.q !== "string")
      ? 'each line needs "id" and "turns": [{ "q": "...", "fact": "<id>" | null }]'
      : (row as LabelledConversation),
  );
}

/** Replays each conversation turn by turn in its own conversation and checks every reply. */
export function evaluateConversations(engine: Engine, conversations: LabelledConversation[]): ConversationReport {
  const failures: ConversationReport["failures"] = [];
  let total = 0;
  let correct = 0;
  for (const c of conversations) {
    let turn: Turn | undefined;
    c.turns.forEach((t, i) => {
      const r = engine.answer(t.q, turn);
      turn = r.turn;
      const a = r.answer;
      const stated = isFactAnswer(a) ? a.factIds : [];
      const factOk = t.fact === null ? !isFactAnswer(a) : stated.includes(t.fact);
      const textOk = !t.contains || a.text.toLowerCase().includes(t.contains.toLowerCase());
      total++;
      if (factOk && textOk) correct++;
      else failures.push({ id: c.id, turn: i + 1, q: t.q, expected: t.fact, got: stated[0] ?? null, reply: a.text });
    });
  }
  return { conversations: conversations.length, turns: { total, correct, accuracy: total ? correct / total : 1 }, failures };
}
