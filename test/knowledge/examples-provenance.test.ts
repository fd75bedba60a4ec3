import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rawKnowledge } from "../helpers/knowledge.js";

const questions = new URL("../questions/", import.meta.url);
const splits = (role: "dev" | "test") =>
  readdirSync(questions, { recursive: true, encoding: "utf8" })
    .filter((f) => f.startsWith("persona") && f.endsWith(`-${role}.jsonl`))
    .flatMap((f) =>
      readFileSync(new URL(f, questions), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { q: string; fact: string | null }),
    );

// The classifier learns from the knowledge file's examples, so they may come from development
// splits only: a test split measures questions the engine never saw.
describe("the knowledge file's labelled examples", () => {
  const examples: { q: string; fact: string | null }[] = rawKnowledge().examples ?? [];

  it("are questions of the dev splits, with their labels", () => {
    const dev = new Map(splits("dev").map((r) => [r.q, r.fact ?? null]));
    expect(examples.length).toBeGreaterThan(1000);
    const strays = examples.filter((e) => !dev.has(e.q) || dev.get(e.q) !== e.fact);
    expect(strays).toEqual([]);
  });

  it("leave every test split out, but for questions two writers happened to write alike", () => {
    const dev = new Set(splits("dev").map((r) => r.q));
    const taken = new Set(examples.map((e) => e.q));
    const leaked = splits("test").filter((r) => taken.has(r.q) && !dev.has(r.q));
    expect(leaked).toEqual([]);
  });
});
