import MiniSearch from "minisearch";
import { createEngine, type Fact, type Knowledge } from "../../src/index.js";
import { type Progress, terminalProgress } from "../progress.js";
import { clincKnowledge, loadClinc } from "./clinc150.js";

/** Latency of one matcher over one question set. */
export interface BenchFigures {
  label: string;
  facts: number;
  timed: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The slowest single timing: what an asker may meet, a collector pause included. */
  slowest: { ms: number; question: string };
  /** The question whose fastest timing is slowest: what the question itself costs. */
  costliest: { ms: number; question: string };
}

/**
 * Warm-up, per matcher: passes over the questions until this long has gone by (at least one pass).
 * One pass of the real file's hundred questions is too few calls for the JIT to compile a large
 * matcher's hot paths, so the first timed round measured its interpreter and its compiles.
 */
const WARM_UP_MS = 1000;

/**
 * Times `fn` over the questions after warm-up passes (JIT, caches) for `warmUpMs` (at least one
 * pass), `rounds` times each. `onCall(done, total)` runs after each call, outside the timed span.
 */
export function time(
  label: string,
  facts: number,
  questions: string[],
  fn: (q: string) => unknown,
  rounds = 3,
  onCall: (done: number, total: number) => void = () => {},
  warmUpMs = WARM_UP_MS,
): BenchFigures {
  const total = questions.length * (rounds + 1);
  let calls = 0;
  for (const q of questions) {
    fn(q);
    onCall(++calls, total);
  }
  const warmed = performance.now();
  while (performance.now() - warmed < warmUpMs) for (const q of questions) fn(q);
  const samples: number[] = [];
  let slowest = { ms: 0, question: "" };
  const fastest = questions.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < rounds; r++)
    questions.forEach((q, i) => {
      const t0 = process.hrtime.bigint();
      fn(q);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      samples.push(ms);
      if (ms > slowest.ms) slowest = { ms, question: q };
      fastest[i] = Math.min(fastest[i] as number, ms);
      onCall(++calls, total);
    });
  const costliest = fastest.reduce((worst, ms, i) => (ms > worst.ms ? { ms, question: questions[i] as string } : worst), {
    ms: 0,
    question: "",
  });
  samples.sort((a, b) => a - b);
  const pick = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  const meanMs = samples.reduce((s, x) => s + x, 0) / Math.max(samples.length, 1);
  return { label, facts, timed: samples.length, p50Ms: pick(0.5), p99Ms: pick(0.99), meanMs, slowest, costliest };
}

/**
 * A deterministic random source, so every run builds the same generated file. The product is taken
 * with Math.imul: in plain floating point it loses its low bits, and the sequence fell into a cycle
 * of about 10,000 draws, which made the "10,000-fact" file a few hundred facts over and over.
 */
function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 2147483648;
  };
}

/**
 * `count` facts drawn from one shared vocabulary (the words of the real file and of CLINC150's
 * train split), with Zipf-like word frequencies, as a large real file would be: many facts share
 * their common words, so postings lists grow long, unlike a file of made-up unique words.
 */
export function generateKnowledge(base: Knowledge, vocabularyText: string[], count: number): Knowledge {
  const vocabulary = [
    ...new Set(
      vocabularyText
        .join(" ")
        .toLowerCase()
        .match(/[a-z]{3,}/g) ?? [],
    ),
  ];
  const random = seeded(2016);
  // Zipf: the word at rank r is drawn with weight 1/r.
  const pick = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(vocabulary.length ** random()) - 1)] as string;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(" ");
  const facts: Fact[] = [...base.facts];
  for (let i = facts.length; i < count; i++)
    facts.push({
      id: `generated-${i}`,
      answer: `${sentence(12)}.`,
      quote: sentence(10),
      source: base.sources[0]?.id ?? "",
      questions: [0, 1, 2].map(() => `${sentence(4 + Math.floor(random() * 6))}?`),
      keywords: [pick(), pick(), `${pick()} ${pick()}`],
    });
  return { ...base, facts };
}

/** BM25 as a user would set it up for typos: MiniSearch, fuzzy 0.2, prefix search. */
function miniSearch(k: Knowledge): (q: string) => unknown {
  const index = new MiniSearch<{ id: string; questions: string; keywords: string; answer: string }>({
    fields: ["questions", "keywords", "answer"],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(k.facts.map((f) => ({ id: f.id, questions: f.questions.join(" \n "), keywords: f.keywords.join(" "), answer: f.answer })));
  return (q) => index.search(q);
}

/** The engine beside MiniSearch over the same knowledge, in the same run. */
export function benchPair(name: string, k: Knowledge, questions: string[], progress: Progress = terminalProgress()): BenchFigures[] {
  const status = (matcher: string) => (done: number, total: number) => progress.update(`bench: ${name}, ${matcher} ${done}/${total}`);
  progress.update(`bench: ${name}, building the engine (${k.facts.length} facts)…`, true);
  const engine = createEngine({ knowledge: k });
  const engineRow = time(`${name}: engine`, k.facts.length, questions, (q) => engine.answer(q), 3, status("engine"));
  progress.update(`bench: ${name}, building MiniSearch (${k.facts.length} facts)…`, true);
  const bm25 = miniSearch(k);
  return [engineRow, time(`${name}: MiniSearch BM25`, k.facts.length, questions, bm25, 3, status("MiniSearch"))];
}

/** `roadmap-bot bench [--facts N]`: the real file, CLINC150 and a generated file of N facts. */
export function runBenchCommand(
  knowledge: Knowledge,
  scale: number,
  print: (line: string) => void,
  progress: Progress = terminalProgress(),
): number {
  progress.update("bench: loading CLINC150 and generating the large file…", true);
  const random = seeded(7);
  const sample = <T>(xs: T[], n: number) => Array.from({ length: Math.min(n, xs.length) }, () => xs[Math.floor(random() * xs.length)] as T);
  const ownQuestions = knowledge.facts.flatMap((f) => f.questions.slice(0, 4));
  const realQuestions = [
    ...ownQuestions,
    "Who is Alibaba's chairman?",
    "What is the population of Germany?",
    "goldmann sachs guy",
    "hey team :wave: quick one, how many provinses have village centres? thx",
    "whn did alibaba open the europe offices",
    "阿里巴巴2016年的三大战场是什么？",
    // The longest question the engine accepts, of words it must try to correct.
    `${"alibaba hinterland farmrs provinses goldmann fakegoods villagecentres headqaurters ".repeat(13)}`.slice(0, 1000),
    // …and of Chinese: segmented, converted to pinyin and read for names.
    "阿里巴巴农村淘宝假货欧洲办公室高盛天猫村级服务中心北京总部哈尔滨马来西亚京东的计划是什么？张勇说了啥".repeat(25).slice(0, 1000),
  ];
  const clinc = loadClinc();
  const clincQuestions = sample([...clinc.test, ...clinc.oos_test], 600).map(([q]) => q);
  const clincK = clincKnowledge(clinc);
  const generated = generateKnowledge(knowledge, [...ownQuestions, ...clinc.train.map(([q]) => q)], scale);
  const generatedQuestions = [
    ...sample(generated.facts.slice(knowledge.facts.length), 400).map((f) => f.questions[0] as string),
    ...clincQuestions.slice(0, 100),
  ];
  const runs: [string, Knowledge, string[]][] = [
    ["real file", knowledge, realQuestions],
    ["CLINC150", clincK, clincQuestions],
    [`generated ${scale}`, generated, generatedQuestions],
  ];
  const rows: BenchFigures[] = [];
  for (const [name, k, qs] of runs) rows.push(...benchPair(name, k, qs, progress));
  progress.done();
  print(
    `bench: warm (${WARM_UP_MS / 1000} s of passes per matcher first), 3 rounds a question, node ${process.version}; BM25 is MiniSearch with fuzzy 0.2 and prefix search`,
  );
  print(
    `${"knowledge: matcher".padEnd(34)} ${"facts".padStart(6)} ${"timed".padStart(6)} ${"mean ms".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
  );
  for (const r of rows)
    print(
      `${r.label.padEnd(34)} ${String(r.facts).padStart(6)} ${String(r.timed).padStart(6)} ${r.meanMs.toFixed(3).padStart(8)} ${r.p50Ms.toFixed(3).padStart(8)} ${r.p99Ms.toFixed(3).padStart(8)}`,
    );
  const shown = (r: { ms: number; question: string }) =>
    `${r.ms.toFixed(2)} ms  ${JSON.stringify(r.question.slice(0, 70))}${r.question.length > 70 ? "…" : ""} (${r.question.length} chars)`;
  const engines = rows.filter((r) => r.label.endsWith("engine"));
  print("slowest single timing per run (a collector pause included):");
  for (const r of engines) print(`  ${r.label.padEnd(32)} ${shown(r.slowest)}`);
  print("costliest question per run (its fastest of 3 timings):");
  for (const r of engines) print(`  ${r.label.padEnd(32)} ${shown(r.costliest)}`);
  return 0;
}
