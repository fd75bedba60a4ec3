/**
 * A second knowledge file about a different text (a product FAQ written for this purpose,
 * knowledge/examples/): the engine answers its questions and refuses the article's, which shows
 * that nothing about the article lives in the engine.
 */

import { describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../app/knowledge-file.js";
import { createEngine } from "../../src/index.js";
import { ask } from "../helpers/knowledge.js";

const knowledge = loadKnowledgeFile(new URL("../../knowledge/examples/skylark-kettle.json", import.meta.url).pathname);
const engine = createEngine({ knowledge });

describe("a second knowledge file (the Skylark kettle FAQ)", () => {
  // None of these is one of the file's curated phrasings.
  it.each([
    ["how many cups of tea can it make?", "capacity"],
    ["does the warranty cover the heating element", "warranty"],
    ["what's the best way to remove limescale", "descaling"],
    ["hey :wave: which setting for green tea? thx", "temperature"],
    ["will it turn itself off if it runs dry?", "safety"],
    ["how quickly does a full kettle boil", "boil-time"],
  ])("answers %j with %s, citing the FAQ", (q, fact) => {
    const a = ask(engine, q);
    expect(a.factIds).toEqual([fact]);
    expect(a.citations[0]?.title).toBe("Skylark Kettle: frequently asked questions");
  });

  it.each([
    "who is Alibaba's CEO?",
    "what are the three key battlefields for 2016?",
    "where is the second headquarters?",
    "阿里巴巴的三大战场是什么？",
  ])("refuses the article's question %j, in the file's own words", (q) => {
    const a = ask(engine, q);
    expect(a.answered).toBe(false);
    expect(a.answer).not.toMatch(/alibaba|tech in asia|阿里/i);
  });

  it("a source without a date: answers about now say 'as of the article' without one", () => {
    expect(knowledge.sources[0]?.date).toBeUndefined();
    expect(ask(engine, "is the heating element still covered right now?").answer).toMatch(/^As of the article: Every Skylark/);
  });

  it("speaks about its own subject", () => {
    expect(ask(engine, "hello").answer).toContain("Skylark kettle");
    expect(engine.about().can.join(" ")).toContain("Skylark FAQ");
  });
});
