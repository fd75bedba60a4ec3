import { runBench } from "../../src/bench.js";
import type { Knowledge } from "../../src/index.js";

/** `roadmap-bot bench`: per-question latency and throughput, real file and 10,000 facts, beside plain fuse.js. */
export function runBenchCommand(knowledge: Knowledge, scale: number, print: (line: string) => void): number {
  const questions = [
    ...knowledge.facts.flatMap((f) => f.questions.slice(0, 2)),
    "Who is Alibaba's chairman?",
    "What is the population of Germany?",
    "goldmann sachs guy",
    "how many provinses",
    "hinterland farmrs",
    "",
    "x".repeat(900),
  ];
  print(`bench: ${questions.length} questions, warm, node ${process.version} ("timed" counts the timed answers)`);
  print(
    `${"matcher".padEnd(20)} ${"facts".padStart(7)} ${"timed".padStart(6)} ${"p50 ms".padStart(9)} ${"p99 ms".padStart(9)} ${"q/s".padStart(9)}`,
  );
  for (const r of runBench(knowledge, questions, Number.isFinite(scale) && scale > 0 ? scale : 10_000))
    print(
      `${r.label.padEnd(20)} ${String(r.facts).padStart(7)} ${String(r.questions).padStart(6)} ${r.p50Ms.toFixed(3).padStart(9)} ${r.p99Ms.toFixed(3).padStart(9)} ${(r.perSecond >= 10 ? Math.round(r.perSecond).toString() : r.perSecond.toFixed(2)).padStart(9)}`,
    );
  return 0;
}
