import { FRAMES, REPL_WORDING } from "../../chat/index.js";
import { type Answer, type Evidence, inQuotationMarks, isFactAnswer, type RankedFact, type Topic } from "../../src/index.js";

/** ANSI styles, or nothing when the output is not a terminal. */
export function styles(colour: boolean) {
  const wrap = (code: string) => (s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap("1"), dim: wrap("2"), cyan: wrap("36"), yellow: wrap("33"), green: wrap("32") };
}

/** Strips terminal control sequences from text that came from a file or a user. */
const safe = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");

/** An answer laid out for a terminal: the reply, then each citation (quote, source, link). */
export function renderAnswer(a: Answer, colour = false): string {
  const s = styles(colour);
  const answered = isFactAnswer(a);
  const lines = [answered ? s.bold(safe(a.text)) : safe(a.text)];
  for (const c of answered ? a.citations : []) {
    lines.push(
      "",
      `  ${s.cyan(inQuotationMarks(safe(c.quote)))}`,
      `  ${s.dim(`— ${c.author}, ${c.publisher}, “${c.title}”${c.date ? ` (${c.date})` : ""}`)}`,
      `  ${s.dim(c.url)}`,
    );
  }
  const asks = answered ? a.related : "suggestions" in a ? a.suggestions : [];
  if (a.kind === "clarify") lines.push(...a.choices.map((c, i) => `  ${s.yellow(`${i + 1}.`)} ${safe(c.question)}`));
  else if (asks.length) {
    const heading = answered ? FRAMES[a.language].related : FRAMES[a.language].suggestions;
    lines.push("", s.dim(heading));
    for (const q of asks) lines.push(`  • ${safe(q)}`);
  }
  return lines.join("\n");
}

export function renderTopics(topics: Topic[], colour = false): string {
  const s = styles(colour);
  return topics.map((t) => [s.bold(t.title), ...t.examples.map((e) => `  • ${e}`)].join("\n")).join("\n\n");
}

/** One ranked fact and why: "europe-offices (p 0.97, covers 100%, missed 0, terms europ offic)". */
function evidence(x: RankedFact): string {
  const flags = [x.shapeMissed ? "lacks the asked shape" : "", x.specific ? `${x.specific} name(s)/number(s) unexplained` : ""].filter(
    Boolean,
  );
  return `${x.factId} (probability ${x.probability}, covers ${Math.round(x.coverage * 100)}%, missed ${x.missed}${flags.length ? `, ${flags.join(", ")}` : ""}; terms ${x.terms.join(" ") || "none"})`;
}

export function renderExplanation(e: Evidence | undefined): string {
  if (!e) return REPL_WORDING.nothingAskedYet;
  return [
    `question:   ${safe(e.question)}`,
    `normalised: ${e.terms.join(" ")}`,
    `matched:    ${e.top ? evidence(e.top) : "none"}`,
    `runner-up:  ${e.runnerUp ? evidence(e.runnerUp) : "none"}`,
    `refusal:    ${e.refusal ?? 0} (how much it looks like a curated refusal)`,
    `decision:   ${e.decision ?? 0} (estimated probability that the top fact is right; answers at ${e.threshold} or above)`,
    `context:    ${e.context ?? "none"}`,
  ].join("\n");
}
