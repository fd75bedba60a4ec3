import { readFileSync } from "node:fs";
import { createEngine, type Engine, type Knowledge } from "../../src/index.js";
import { evaluate, evaluateConversations, isConversationFile, parseConversations, parseLabelledSet } from "../curator/evaluate.js";
import { countingAnswers, type Progress, terminalProgress } from "../progress.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `roadmap-bot eval --sweep FILE…`: the threshold table used to calibrate the engine. */
export function runSweep(
  knowledge: Knowledge,
  files: string[],
  print: (line: string) => void,
  progress: Progress = terminalProgress(),
): number {
  const set = files.flatMap((f) => parseLabelledSet(readFileSync(f, "utf8"), f));
  print(
    `threshold sweep over ${files.length} file(s): ${set.filter((q) => q.fact).length} in scope, ${set.filter((q) => !q.fact).length} out of scope`,
  );
  print("threshold  in-scope-right  out-of-scope-refused");
  for (let t = 0.3; t <= 0.951; t += 0.05) {
    const engine = countingAnswers(
      createEngine({ knowledge, threshold: t }),
      set.length,
      `eval --sweep: threshold ${t.toFixed(2)},`,
      progress,
    );
    const r = evaluate(engine, set);
    progress.done();
    print(`${t.toFixed(2).padStart(9)}  ${pct(r.inScope.accuracy).padStart(14)}  ${pct(r.outOfScope.accuracy).padStart(20)}`);
  }
  return 0;
}

/** `roadmap-bot eval FILE`: accuracy in scope, refusals out of scope, and per category. */
export function runEval(
  engine: Engine,
  file: string,
  json: boolean,
  print: (line: string) => void,
  progress: Progress = terminalProgress(),
): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file}: cannot read the labelled question file`);
  }
  if (isConversationFile(text)) {
    const conversations = parseConversations(text, file);
    const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
    const r = evaluateConversations(countingAnswers(engine, turns, "eval:", progress), conversations);
    progress.done();
    if (json) print(JSON.stringify(r));
    else {
      print(`conversations: ${r.conversations}; turns right: ${r.turns.correct}/${r.turns.total} (${pct(r.turns.accuracy)})`);
      for (const f of r.failures)
        print(`  ${f.id} turn ${f.turn} ${JSON.stringify(f.q)}: expected ${f.expected ?? "no fact"}, got ${f.got ?? "no fact"}`);
    }
    return 0;
  }
  const set = parseLabelledSet(text, file);
  const report = evaluate(countingAnswers(engine, set.length, "eval:", progress), set);
  progress.done();
  if (json) {
    print(JSON.stringify(report));
    return 0;
  }
  print(`in scope:     ${report.inScope.correct}/${report.inScope.total} answered with the right fact (${pct(report.inScope.accuracy)})`);
  print(`out of scope: ${report.outOfScope.correct}/${report.outOfScope.total} refused (${pct(report.outOfScope.accuracy)})`);
  print("");
  for (const c of report.categories.sort((a, b) => a.category.localeCompare(b.category)))
    print(`  ${c.category.padEnd(14)} ${String(c.correct).padStart(4)}/${String(c.total).padEnd(4)} ${pct(c.correct / c.total)}`);
  if (report.failures.length) {
    print("\nmisses:");
    for (const f of report.failures)
      print(`  ${JSON.stringify(f.q)}: expected ${f.expected ?? "refusal"}, got ${f.got ?? "refusal"} (${f.confidence})`);
  }
  return 0;
}
