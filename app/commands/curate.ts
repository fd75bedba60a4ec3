import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { createEngine, type Knowledge, parseKnowledge, validateKnowledge } from "../../src/index.js";
import { evaluate, type LabelledQuestion, parseLabelledSet } from "../curator/evaluate.js";
import { readUnanswered } from "../unanswered-log.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The labelled sets re-run before saving, with what changed. */
function measure(k: Knowledge, sets: [string, LabelledQuestion[]][]): Map<string, string> {
  const engine = createEngine({ knowledge: k });
  return new Map(
    sets.map(([name, set]) => {
      const r = evaluate(engine, set);
      return [name, `${pct(r.inScope.accuracy)} in scope, ${pct(r.outOfScope.accuracy)} refused`];
    }),
  );
}

/**
 * `roadmap-bot curate [--knowledge FILE] [LOG]`: walks the unanswered log, most frequent group
 * first. For each it shows the facts that came nearest, with the evidence, and reads one choice:
 * a number (add the question as a phrasing of that fact), `f ID` (of any fact), `r` (a curated
 * refusal), `s` (skip) or `q` (stop). It saves through the schema (never an invalid file), after
 * re-running the labelled sets and saying what changed.
 */
export async function runCurate(
  knowledgePath: string,
  logPath: string,
  labelled: string[],
  input: NodeJS.ReadableStream,
  print: (line: string) => void,
): Promise<number> {
  const original = parseKnowledge(readFileSync(knowledgePath, "utf8"), knowledgePath);
  const k: Knowledge = structuredClone(original);
  const groups = readUnanswered(logPath);
  if (!groups.length) {
    print(`${logPath}: nothing unanswered to curate.`);
    return 0;
  }
  const engine = createEngine({ knowledge: original });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  const ask = async (): Promise<string> => {
    const next = await lines.next();
    return next.done ? "q" : String(next.value).trim();
  };
  let changes = 0;
  for (const [i, g] of groups.entries()) {
    const why = engine.answer(g.question).answer.evidence;
    const near = [why.top, why.runnerUp].filter((e): e is NonNullable<typeof e> => !!e);
    print(`\n${i + 1}/${groups.length}  asked ${g.count}×: ${JSON.stringify(g.question)}`);
    for (const [n, e] of near.entries()) {
      const evidence = `probability ${e.probability}, covers ${Math.round(e.coverage * 100)}%; decision ${why.decision ?? 0}`;
      print(`  ${n + 1}. ${e.factId}  (${evidence})`);
    }
    print("  [number] add as a phrasing of that fact · f ID: of any fact · r: curated refusal · s: skip · q: save and stop");
    const choice = await ask();
    if (choice === "q") break;
    if (choice === "s" || choice === "") continue;
    if (choice === "r") {
      k.refusals = [...(k.refusals ?? []), g.question];
      changes++;
      print(`  → a curated refusal`);
      continue;
    }
    const id = /^\d+$/.test(choice) ? near[Number(choice) - 1]?.factId : choice.replace(/^f\s+/, "");
    const fact = k.facts.find((f) => f.id === id);
    if (!fact) {
      print(`  no fact "${choice.slice(0, 40)}": skipped`);
      continue;
    }
    if (!fact.questions.includes(g.question)) fact.questions.push(g.question);
    changes++;
    print(`  → a phrasing of ${fact.id}`);
  }
  if (!changes) {
    print("Nothing changed; the knowledge file is as it was.");
    return 0;
  }
  const { problems } = validateKnowledge(k, knowledgePath);
  if (problems.length) {
    print(`Not saved: the edit would make the file invalid (${problems.length} problem(s)); first: ${problems[0]?.message}`);
    return 1;
  }
  const sets = labelled.map((f) => [f, parseLabelledSet(readFileSync(f, "utf8"), f)] as [string, LabelledQuestion[]]);
  if (sets.length) {
    const [before, after] = [measure(original, sets), measure(k, sets)];
    print("\nLabelled sets, before → after:");
    for (const [name] of sets) print(`  ${name}: ${before.get(name)} → ${after.get(name)}`);
  }
  // Written whole, then renamed over the original: a running bot's watcher never sees half a file.
  const tmp = `${knowledgePath}.curate-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(k, null, 2)}\n`);
  renameSync(tmp, knowledgePath);
  print(`Saved ${changes} change${changes === 1 ? "" : "s"} to ${knowledgePath}.`);
  return 0;
}
