/**
 * A small classifier trained at load time on the curated phrasings, the way Rasa's and NLP.js's
 * intent classifiers are: multinomial logistic regression (softmax) over the normalised terms, the
 * typed words and their bigrams, letter trigrams, and the question's average word vector (as Rasa's
 * pipelines add pretrained embeddings), trained with AdaGrad. It ranks facts better than
 * nearest-phrasing similarity because it learns which words tell facts apart; on CLINC150 it is what
 * lifts the engine past plain BM25, and the vectors what lift it past DialogFlow's and Rasa's rows
 * (see README).
 *
 * Dense weights cost features × facts floats, so a knowledge file past `MAX_WEIGHTS` is ranked by
 * the inverted index alone (the 10,000-fact bench file); the decision rules are the same.
 */

import { averageVector, dimensions } from "./embeddings.js";

/**
 * One training example: terms (already normalised), the tokens (stemmed words, stop words kept),
 * the English words as typed (for their vectors), and how much it counts.
 */
export interface Example {
  label: number;
  terms: string[];
  tokens: string[];
  typed: string[];
  weight: number;
}

export interface Classifier {
  /** Probabilities per fact, summing to 1; `undefined` for a question with no known feature. */
  predict(terms: string[], tokens: string[], typed: string[]): Float32Array | undefined;
}

/** Above this many weights (features × facts) no classifier is trained. */
export const MAX_WEIGHTS = 12_000_000;
/**
 * Training work (features of every example × facts, per epoch, summed over epochs) is bounded: the
 * engine is built on the event loop, at start and on every hot reload, so its build must stay short
 * whatever file it is given. Past this much, fewer epochs are run (down to `MIN_EPOCHS`); past
 * that, no classifier is trained and the file is ranked by its index alone. Our own file needs far
 * less than this for ten epochs; CLINC150's 15,000 phrasings over 150 facts, with the word vector's
 * 100 features beside each example's, about 500 million an epoch, so it gets six: a build of
 * 10–12 s on the 2-core development machine, where three took 6 s and answered less of val
 * (vector weight 0.7: 91.8% in scope rather than 92.1%).
 */
export const MAX_TRAINING_WORK = 3_200_000_000;
/** The fewest epochs run: a file that would get fewer is ranked by its index alone. */
const MIN_EPOCHS = 3;
const EPOCHS = 10;
/** 0.5 before the word vectors; with them 0.25 does better (CLINC150 val, vector weight 0.5: 92.3% / 80% rather than 91.5% / 68%). */
const LEARNING_RATE = 0.25;

/**
 * How much a question's average word vector weighs beside its words (whose features have length 1).
 * On CLINC150's validation split the right intent ranks first for 91.5% of questions without it,
 * 93.6% with it; 0.5 answered more of val than 0.7 or 1 (README, "Changes of the thirty-third
 * session").
 */
const VECTOR_WEIGHT = 0.5;
/**
 * Smooth inverse frequency (Arora, Liang and Ma, 2017): a word that is in a share p of the training
 * examples weighs a / (a + p) in the average vector, so "the" and "my" do not swamp "pets".
 */
const SIF_A = 0.001;

/**
 * The normalised terms and the typed words (with their adjacent pairs), L2-normalised so long and
 * short questions weigh alike; then the average vector of the words, in features 0 to dimensions - 1.
 */
function featuresOf(
  terms: string[],
  tokens: string[],
  typed: string[],
  index: Map<string, number>,
  grow: boolean,
  weightOf: (word: string) => number,
  vector: Float32Array,
): [number[], number[]] {
  const counts = new Map<number, number>();
  const add = (key: string, v: number) => {
    let i = index.get(key);
    if (i === undefined) {
      if (!grow) return;
      i = index.size;
      index.set(key, i);
    }
    counts.set(i, (counts.get(i) ?? 0) + v);
  };
  for (const t of terms) add(t, 1);
  for (const t of tokens) add(`~${t}`, 0.5);
  for (let i = 0; i + 1 < tokens.length; i++) add(`~${tokens[i]} ${tokens[i + 1]}`, 0.5);
  // Letter trigrams of each word: a typo or another form of a word still shares most of them.
  for (const t of tokens) {
    const w = `<${t}>`;
    for (let i = 0; i + 3 <= w.length; i++) add(`#${w.slice(i, i + 3)}`, 0.3);
  }
  let norm = 0;
  for (const v of counts.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  const ids = [...counts.keys()];
  const values = [...counts.values()].map((v) => v / norm);
  if (ids.length && averageVector(typed, weightOf, vector))
    for (let d = 0; d < vector.length; d++) {
      ids.push(d);
      values.push(VECTOR_WEIGHT * (vector[d] as number));
    }
  return [ids, values];
}

/** Trains on the examples (deterministic: a seeded shuffle). Returns undefined past the size cap. */
export function trainClassifier(examples: Example[], classes: number): Classifier | undefined {
  // Features 0 to dimensions - 1 are the average vector's.
  const vector = new Float32Array(dimensions());
  const index = new Map<string, number>(Array.from(vector, (_, d) => [`@${d}`, d]));
  const share = new Map<string, number>();
  for (const e of examples) for (const w of new Set(e.typed)) share.set(w, (share.get(w) ?? 0) + 1 / examples.length);
  const weightOf = (w: string) => SIF_A / (SIF_A + (share.get(w) ?? 0));
  const data = examples
    .map((e) => ({ ...e, f: featuresOf(e.terms, e.tokens, e.typed, index, true, weightOf, vector) }))
    .filter((e) => e.f[0].length);
  const F = index.size;
  const C = classes;
  if (!F || C < 2 || F * C > MAX_WEIGHTS) return undefined;
  const epochs = epochsWithin(
    data.map((e) => e.f[0].length),
    C,
  );
  if (epochs === 0) return undefined;
  const w = new Float32Array(F * C);
  const g = new Float32Array(F * C);
  const z = new Float32Array(C);
  const classesOf = new Int32Array(C);
  const errorOf = new Float64Array(C);
  let seed = 2016;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 2147483648;
  };
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const n of order) {
      const { f, label, weight } = data[n] as (typeof data)[number];
      softmax(w, f, C, z);
      // Classes the model already rules out learn nothing from this example: skipping them is
      // what keeps training on CLINC150's 15,000 phrasings to a second or two. They are found
      // once per example, not once per feature.
      let active = 0;
      for (let c = 0; c < C; c++) {
        const err = c === label ? (z[c] as number) - 1 : (z[c] as number);
        if (err < 1e-4 && err > -1e-4) continue;
        classesOf[active] = c;
        errorOf[active++] = err * weight;
      }
      const [ids, vals] = f;
      for (let k = 0; k < ids.length; k++) {
        const base = (ids[k] as number) * C;
        const v = vals[k] as number;
        for (let a = 0; a < active; a++) {
          const grad = (errorOf[a] as number) * v;
          const at = base + (classesOf[a] as number);
          g[at] = (g[at] as number) + grad * grad;
          w[at] = (w[at] as number) - (LEARNING_RATE * grad) / Math.sqrt((g[at] as number) + 1e-8);
        }
      }
    }
  }
  return {
    predict(terms: string[], tokens: string[], typed: string[]) {
      const f = featuresOf(terms, tokens, typed, index, false, weightOf, vector);
      if (!f[0].length) return undefined;
      const out = new Float32Array(C);
      softmax(w, f, C, out);
      return out;
    },
  };
}

/** How much one epoch of training costs: every example's features, times the classes. */
export function workPerEpoch(featuresPerExample: readonly number[], classes: number): number {
  let features = 0;
  for (const n of featuresPerExample) features += n;
  return features * classes;
}

/** How many epochs fit in the training budget: up to ten, at least `MIN_EPOCHS`, else 0 (no classifier). */
export function epochsWithin(featuresPerExample: readonly number[], classes: number): number {
  const epochs = Math.min(EPOCHS, Math.floor(MAX_TRAINING_WORK / Math.max(1, workPerEpoch(featuresPerExample, classes))));
  return epochs >= MIN_EPOCHS ? epochs : 0;
}

/** Writes softmax(W·x) into `out`. */
function softmax(w: Float32Array, [ids, vals]: [number[], number[]], C: number, out: Float32Array): void {
  out.fill(0);
  for (let k = 0; k < ids.length; k++) {
    const base = (ids[k] as number) * C;
    const v = vals[k] as number;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + (w[base + c] as number) * v;
  }
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < C; c++) max = Math.max(max, out[c] as number);
  let sum = 0;
  for (let c = 0; c < C; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    sum += e;
  }
  for (let c = 0; c < C; c++) out[c] = (out[c] as number) / sum;
}
