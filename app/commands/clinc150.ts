import { readFileSync } from "node:fs";
import { createEngine, type Knowledge } from "../../src/index.js";
import { evaluate, type LabelledQuestion } from "../curator/evaluate.js";
import { countingAnswers, type Progress, terminalProgress } from "../progress.js";

/**
 * CLINC150 (Larson et al., EMNLP 2019; CC BY 3.0, see benchmarks/clinc150/): intent matching with
 * out-of-scope refusal. The knowledge file is built from the `train` split alone, one fact per
 * intent with its utterances as questions, nothing curated by hand, and answered at the engine's
 * shipped defaults: one engine and one operating point for every knowledge file.
 */
export const CLINC150_PATH = "benchmarks/clinc150/data_full.json";

type Pair = [string, string];
interface Clinc {
  train: Pair[];
  val: Pair[];
  test: Pair[];
  oos_val: Pair[];
  oos_test: Pair[];
}

const factId = (intent: string) => intent.replace(/_/g, "-");

export function loadClinc(path = CLINC150_PATH): Clinc {
  return JSON.parse(readFileSync(path, "utf8")) as Clinc;
}

/** One fact per intent, from the train split only. */
export function clincKnowledge(data: Clinc): Knowledge {
  const byIntent = new Map<string, string[]>();
  for (const [q, intent] of data.train) byIntent.set(intent, [...(byIntent.get(intent) ?? []), q]);
  return {
    sources: [
      {
        id: "clinc150",
        title: "CLINC150",
        publisher: "EMNLP-IJCNLP 2019",
        author: "Larson et al.",
        url: "https://github.com/clinc/oos-eval",
      },
    ],
    facts: [...byIntent].map(([intent, questions]) => ({
      id: factId(intent),
      answer: `Intent: ${intent}`,
      quote: intent,
      source: "clinc150",
      questions,
      keywords: [],
    })),
  };
}

/** The labelled set of one split: in-scope utterances with their intent, out-of-scope with null. */
export function clincSet(inScope: Pair[], outOfScope: Pair[]): LabelledQuestion[] {
  return [
    ...inScope.map(([q, intent]) => ({ q, fact: factId(intent), category: "in-scope" })),
    ...outOfScope.map(([q]) => ({ q, fact: null, category: "oos" })),
  ];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `roadmap-bot eval --clinc150 [FILE]`: in-scope accuracy and out-of-scope recall, val and test. */
export function runClinc(path: string | undefined, print: (line: string) => void, progress: Progress = terminalProgress()): number {
  const data = loadClinc(path ?? CLINC150_PATH);
  const started = performance.now();
  progress.update(`eval --clinc150: building the engine from ${data.train.length} train utterances…`, true);
  const engine = createEngine({ knowledge: clincKnowledge(data) });
  engine.answer("warm up");
  progress.done();
  print(`CLINC150 Full: ${data.train.length} train utterances, 150 intents; engine built in ${Math.round(performance.now() - started)} ms`);
  for (const [name, set] of [
    ["val + oos_val", clincSet(data.val, data.oos_val)],
    ["test + oos_test", clincSet(data.test, data.oos_test)],
  ] as const) {
    const r = evaluate(countingAnswers(engine, set.length, `eval --clinc150: ${name}`, progress), set);
    progress.done();
    print(`${name.padEnd(16)} in-scope accuracy ${pct(r.inScope.accuracy)}, out-of-scope recall ${pct(r.outOfScope.accuracy)}`);
  }
  print("Yardstick (the paper's Table 2, Full, oos-threshold): DialogFlow 90.8% / 26.7%, Rasa 90.9% / 31.2%");
  return 0;
}
