import Fuse from "fuse.js";
import { createEngine } from "./engine.js";
import type { Fact, Knowledge } from "./knowledge/schema.js";

export interface BenchFigures {
  label: string;
  facts: number;
  questions: number;
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
}

/** Times `fn` over the questions (after a warm-up pass) and reports p50, p99 and throughput. */
export function time(label: string, facts: number, questions: string[], fn: (q: string) => unknown, rounds = 5): BenchFigures {
  for (const q of questions) fn(q);
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++)
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      fn(q);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  samples.sort((a, b) => a - b);
  const pick = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  return { label, facts, questions: samples.length, p50Ms: pick(0.5), p99Ms: pick(0.99), perSecond: samples.length / (totalMs / 1000) };
}

const SYLLABLES = ["ka", "lo", "mi", "ren", "tsu", "vo", "pan", "del", "qui", "zor", "bex", "nal", "tor", "fen", "gri", "hul"];
/** A deterministic pseudo-word, so generated knowledge is the same every run. */
function word(n: number): string {
  let s = "";
  let x = n * 2654435761;
  for (let i = 0; i < 3; i++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) + 7;
  }
  return s;
}

/** The real knowledge padded with generated facts up to `count`, for scale figures. */
export function generateKnowledge(base: Knowledge, count: number): Knowledge {
  const facts: Fact[] = [...base.facts];
  for (let i = facts.length; i < count; i++) {
    const [a, b, c] = [word(i), word(i * 7 + 1), word(i * 13 + 5)];
    facts.push({
      id: `generated-${i}`,
      answer: `The ${a} programme funds ${b} in ${c}.`,
      // Each generated fact has its own text: 10,000 real facts would not share one quote.
      quote: `${c} said the ${a} programme reached ${b}.`,
      source: base.sources[0]?.id ?? "",
      questions: [`What does the ${a} programme fund?`, `Where is ${b} funded?`, `Who runs ${a} in ${c}?`],
      keywords: [a, b, c, `${a} ${b}`],
    });
  }
  return { ...base, facts };
}

/** The engine and plain fuse.js over the same facts, in the same run. */
export function runBench(knowledge: Knowledge, questions: string[], scale = 10_000): BenchFigures[] {
  const out: BenchFigures[] = [];
  for (const k of [knowledge, generateKnowledge(knowledge, scale)]) {
    const engine = createEngine({ knowledge: k });
    out.push(time("roadmap-bot engine", k.facts.length, questions, (q) => engine.answer(q)));
    const fuse = new Fuse(k.facts, { keys: ["questions", "keywords", "answer"], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    // Plain fuse.js takes seconds a question at 10,000 facts: time a sample so the bench ends.
    const sample = k.facts.length > 1000 ? questions.slice(0, 8) : questions;
    out.push(time("plain fuse.js", k.facts.length, sample, (q) => fuse.search(q, { limit: 1 }), k.facts.length > 1000 ? 1 : 5));
  }
  return out;
}
