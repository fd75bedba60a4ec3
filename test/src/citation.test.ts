import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceTexts } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import { firstMatch, quoteLink, sourceBlocks, type TextDirective, textDirectives } from "../../src/citation.js";
import { createEngine, isFactAnswer } from "../../src/index.js";
import { knowledge } from "../helpers/knowledge.js";

/** Letters and digits only: what a link must highlight of a quote, whatever its marks and elisions. */
const letters = (s: string) => s.replace(/\[?(?:…|\.\.\.)\]?/g, "").replace(/[^\p{L}\p{N}]/gu, "");

/** The text each directive highlights first, or a note of why it highlights nothing or too much. */
function highlighted(directives: TextDirective[], blocks: string[]): string[] {
  return directives.map((d) => {
    const m = firstMatch(d, blocks);
    if (!m) return `no match for ${JSON.stringify(d)}`;
    if (m.endBlock !== undefined) return `runs from block ${m.block} into block ${m.endBlock}`;
    return (blocks[m.block] ?? "").slice(m.from, m.to);
  });
}

const SHIPPED = ["alibaba-2016.json", "examples/skylark-kettle.json"].map((f) => [f, resolve(dirname(DEFAULT_KNOWLEDGE_PATH), f)]);

describe("citation links", () => {
  it("reads a source's blocks as a page lays them out: blank lines part them, a line break is a space", () => {
    expect(sourceBlocks("Staff Writer\n\nLois\nLane\n\n \n\nTips:  write  in\r\n\r\nEnd")).toEqual([
      "Staff Writer",
      "Lois Lane",
      "Tips: write in",
      "End",
    ]);
  });

  it("gives a quote that runs into the next paragraph one directive per paragraph (no term crosses a block)", () => {
    const blocks = sourceBlocks("Intro.\n\nShe named two aims, which are:\n\n1. Growth abroad\n\nMore text.");
    const directives = textDirectives("She named two aims, which are: 1. Growth abroad", blocks);
    expect(directives).toEqual([{ start: "She named two aims, which are" }, { start: "1. Growth abroad" }]);
    // The form that highlighted nothing: one term over both paragraphs.
    expect(firstMatch({ start: "which are: 1. Growth abroad" }, blocks)).toBeUndefined();
    expect(highlighted(directives, blocks)).toEqual(["She named two aims, which are", "1. Growth abroad"]);
  });

  it("tells a passage from an earlier one with the same words: a prefix, from the block before when it opens one", () => {
    const blocks = sourceBlocks("Lois Lane · 2 min read\n\nStory.\n\nStaff Writer\n\nLois Lane\n\nBio.");
    expect(textDirectives("Staff Writer Lois Lane", blocks)).toEqual([{ start: "Staff Writer" }, { prefix: "Writer", start: "Lois Lane" }]);
    expect(firstMatch({ start: "Lois Lane" }, blocks)?.block).toBe(0);
    expect(firstMatch({ prefix: "Writer", start: "Lois Lane" }, blocks)).toEqual({ block: 3, from: 0, to: 9 });
  });

  it("links a long passage by its first and last words, with more of them when fewer would end early", () => {
    const long = "one two three four five six seven eight nine ten eleven twelve";
    expect(textDirectives(long, [`${long} and more`])).toEqual([{ start: "one two three four five", end: "eight nine ten eleven twelve" }]);
    // Its last five words also come earlier in it, so the end needs a sixth to reach the full stop.
    const echo = "one two three four five six seven eight nine ten so six seven eight nine ten";
    const blocks = [`Before. ${echo}.`];
    expect(textDirectives(echo, blocks)).toEqual([{ start: "one two three four five six", end: "so six seven eight nine ten" }]);
    expect(highlighted(textDirectives(echo, blocks), blocks)).toEqual([echo]);
  });

  it("links each part of an elided quote, and the first part alone without the source's text", () => {
    const text = "“We will grow abroad and at home, in every town,” she said.";
    const quote = "“We will grow abroad […] in every town,” she said.";
    expect(quoteLink("https://example.com/a#top", quote, text)).toBe(
      "https://example.com/a#:~:text=We%20will%20grow%20abroad&text=in%20every%20town%2C%E2%80%9D%20she%20said",
    );
    expect(quoteLink("https://example.com/a", quote)).toBe("https://example.com/a#:~:text=We%20will%20grow%20abroad");
  });

  it("percent-encodes the characters the directive syntax reserves (- , &)", () => {
    const text = "Salt & pepper, well-known.";
    expect(quoteLink("https://example.com/a", text, text)).toBe("https://example.com/a#:~:text=Salt%20%26%20pepper%2C%20well%2Dknown");
  });

  it("keeps a link with many elisions short, dropping later directives but never the first", () => {
    const parts = Array.from({ length: 60 }, (_, i) => `Paragraph number ${i} says something`);
    const link = quoteLink("https://example.com/a", parts.join(" […] "), parts.join("\n\n"));
    expect(link.length).toBeLessThan(1600);
    expect(link).toContain("#:~:text=Paragraph%20number%200%20says%20something&");
  });

  it.each(SHIPPED)("highlights every fact's whole quote in %s, each directive first where the quote is, within one block", (_, file) => {
    const k = JSON.parse(readFileSync(file, "utf8"));
    const texts = readSourceTexts(k, file);
    for (const fact of k.facts) {
      const text = texts[fact.source];
      expect(text, `${file}: source text of ${fact.source}`).toBeDefined();
      const blocks = sourceBlocks(text ?? "");
      const shown = highlighted(textDirectives(fact.quote, blocks), blocks);
      for (const s of shown) expect(fact.quote.replace(/\s+/g, " "), `${fact.id}: ${s}`).toContain(s);
      expect(letters(shown.join(" ")), fact.id).toBe(letters(fact.quote));
    }
  });

  it("the engine builds its links from the source texts it is given, and falls back to the quote without them", () => {
    const k = knowledge();
    const texts = readSourceTexts(k, DEFAULT_KNOWLEDGE_PATH);
    // A fact whose quote runs over more than one block (or elision): the case that needs the text.
    const crossing = k.facts.find((f) => textDirectives(f.quote, sourceBlocks(texts[f.source] ?? "")).length > 1);
    if (!crossing) throw new Error("the shipped knowledge has no quote over two blocks");
    const sourceUrl = k.sources.find((s) => s.id === crossing.source)?.url ?? "";
    const cite = (e: ReturnType<typeof createEngine>) => {
      const a = e.answer(crossing.questions[0] ?? "").answer;
      return isFactAnswer(a) ? a.citations.find((c) => c.factId === crossing.id)?.url : undefined;
    };
    const withTexts = cite(createEngine({ knowledge: k, sourceTexts: texts }));
    expect(withTexts).toBe(quoteLink(sourceUrl, crossing.quote, texts[crossing.source]));
    expect(withTexts?.split("&text=").length).toBeGreaterThan(1);
    expect(cite(createEngine({ knowledge: k }))).toBe(quoteLink(sourceUrl, crossing.quote));
  });
});
