import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderAnswer } from "../../../adapters/repl/render.js";
import { charWidth, displayWidth, wrapText } from "../../../adapters/repl/wrap.js";
import { isFactAnswer } from "../../../src/index.js";
import { engine } from "../../helpers/knowledge.js";

const lines = (text: string) => text.split("\n");
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

describe("display width", () => {
  it("counts Chinese and fullwidth characters and emoji as 2 columns, combining marks as 0, colour codes as nothing", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("阿里巴巴")).toBe(8);
    expect(displayWidth("，。（）")).toBe(8);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("👍")).toBe(2);
    expect(displayWidth("\x1b[1mbold\x1b[0m")).toBe(4);
    expect(charWidth("“")).toBe(1);
    expect(charWidth("\x07")).toBe(0);
  });
});

describe("wrapText", () => {
  it("leaves text alone when there is no width (piped output)", () => {
    const long = "word ".repeat(40).trim();
    expect(wrapText(long, undefined)).toBe(long);
  });

  it("breaks at spaces, never inside a word, and keeps every line within the width", () => {
    const text = "The first battlefield is global imports: Alibaba already lets overseas brands and small merchants sell directly.";
    const out = wrapText(text, 30);
    expect(lines(out).length).toBeGreaterThan(3);
    for (const l of lines(out)) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(words(out)).toEqual(words(text));
    expect(lines(out)[0]).toBe("The first battlefield is");
  });

  it("keeps a block's indent on its continuation lines", () => {
    const out = lines(wrapText("  “Alibaba already encourages overseas brands and small merchants to sell directly”", 30));
    expect(out.length).toBeGreaterThan(2);
    for (const l of out) expect(l).toMatch(/^ {2}\S/);
  });

  it("hangs a list item's and an attribution's text under their first word", () => {
    for (const l of lines(wrapText("  • How is Alibaba dealing with fake goods and counterfeit sellers?", 30)).slice(1))
      expect(l).toMatch(/^ {4}\S/);
    for (const l of lines(wrapText("  12. Where did Alibaba open offices in Europe last month?", 30)).slice(1))
      expect(l).toMatch(/^ {6}\S/);
    for (const l of lines(wrapText("  — Steven Millward, Tech in Asia, “Alibaba boss maps out 3 key battlefields”", 30)).slice(1))
      expect(l).toMatch(/^ {4}\S/);
  });

  it("hangs the rows of a label: value table under the value column, but not a lone 'name: text' line", () => {
    const table =
      "question:   where are the offices\nmatched:    europe-offices (probability 0.996, covers 100%, missed 0; terms europ offic)";
    const out = lines(wrapText(table, 40));
    expect(out.length).toBeGreaterThan(3);
    for (const l of out.slice(2)) expect(l).toMatch(/^ {12}\S/);
    const banner = lines(wrapText("roadmap-bot: 25 facts about Alibaba's 2016 roadmap. Type :help for commands, :quit to leave.", 40));
    for (const l of banner.slice(1)) expect(l).toMatch(/^\S/);
  });

  it("never breaks a link: one that does not fit gets a line of its own, even when wider than the terminal", () => {
    const url = "https://www.techinasia.com/alibaba-2016-plans#:~:text=Alibaba%20already%20encourages,corporate%20blog";
    const out = lines(wrapText(`  See ${url} for the source.`, 40));
    expect(out).toEqual(["  See", `  ${url}`, "  for the source."]);
    const short = "https://example.com/a";
    expect(lines(wrapText(`read more at the page ${short} today`, 30))).toEqual(["read more at the page", `${short} today`]);
  });

  it("breaks Chinese between characters, counting each as two columns, never before closing punctuation", () => {
    const text = "2015 年 12 月（即文章发表的前一个月），阿里巴巴在欧洲开设了两个办公室，一个在法国，一个在德国，以巩固其跨境电商计划。";
    for (const width of [20, 21, 30, 41, 80]) {
      const out = lines(wrapText(text, width));
      expect(out.length).toBeGreaterThan(width === 80 ? 1 : 2);
      for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      for (const l of out.slice(1)) expect(l).not.toMatch(/^[，。）、]/);
      for (const l of out) expect(l).not.toMatch(/（$/);
      expect(out.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });

  it("closes colour at each break and reopens it after the indent, and does not count the codes as columns", () => {
    const cyan = (s: string) => `\x1b[36m${s}\x1b[0m`;
    const out = lines(wrapText(`  ${cyan("one two three four five six seven eight")}`, 20));
    expect(out.length).toBeGreaterThan(1);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(out[0]).toMatch(/\x1b\[0m$/);
    expect(out[1]).toMatch(/^ {2}\x1b\[36m\S/);
    expect(words(plain(out.join("\n")))).toEqual(words("one two three four five six seven eight"));
  });

  it("breaks a word wider than the whole line only where the line ends", () => {
    const out = lines(wrapText(`  ${"x".repeat(50)}`, 20));
    expect(out).toEqual([`  ${"x".repeat(18)}`, `  ${"x".repeat(18)}`, `  ${"x".repeat(14)}`]);
  });

  it("property: every line fits, no word is split, the indent repeats, and wrapping twice changes nothing", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9’“”,.]{1,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 30, max: 120 }),
        (ws, indent, width) => {
          const text = " ".repeat(indent) + ws.join(" ");
          const out = wrapText(text, width);
          for (const l of lines(out)) {
            expect(displayWidth(l)).toBeLessThanOrEqual(width);
            expect(l.startsWith(" ".repeat(indent))).toBe(true);
          }
          expect(words(out)).toEqual(ws);
          expect(wrapText(out, width)).toBe(out);
        },
      ),
    );
  });
});

describe("the REPL's answers at 80 columns", () => {
  it("fit, keep the quote's indent, and leave each link whole on its own line", () => {
    const e = engine();
    for (const q of ["What is the first battlefield?", "Who wrote this?", "阿里巴巴在欧洲开了哪些办公室？"]) {
      const answer = e.answer(q).answer;
      const out = lines(wrapText(renderAnswer(answer, true), 80).replace(/\x1b\[[0-9;]*m/g, ""));
      const url = (isFactAnswer(answer) ? answer.citations[0]?.url : undefined) ?? "";
      expect(url).not.toBe("");
      expect(out).toContain(`  ${url}`);
      for (const l of out.filter((l) => !l.includes(url))) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      const quote = out.findIndex((l) => l.startsWith("  “"));
      const source = out.findIndex((l, i) => i > quote && l.startsWith("  — "));
      expect(quote).toBeGreaterThan(-1);
      for (const l of out.slice(quote + 1, source)) expect(l).toMatch(/^ {2}[^ ]/);
    }
  }, 60_000);
});
