import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/index.js";
import { ask, knowledge } from "../helpers/knowledge.js";

const e = createEngine({ knowledge: knowledge(), maxQuestionLength: 2000 });
const KINDS = ["fact", "overview", "clarify", "out-of-scope", "help", "too-long"];

/** Whatever the text, the engine answers with a well-formed Answer and does not throw. */
function wellFormed(text: string) {
  const a = ask(e, text, { lastFactIds: [], shown: [], choices: [] });
  expect(KINDS).toContain(a.kind);
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  expect(typeof a.answer).toBe("string");
  expect(a.answer.length).toBeGreaterThan(0);
  if (a.answered) expect(a.citations.length).toBeGreaterThan(0);
  else expect(a.citations).toEqual([]);
  // Nothing the user typed is echoed back.
  if (text.length > 12 && !a.answered) expect(a.answer).not.toContain(text);
}

describe("engine properties (fast-check)", () => {
  it("random Unicode, including lone surrogates and control characters", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), wellFormed), { numRuns: 400 });
  });

  it("random graphemes: emoji, right-to-left text, combining marks", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), wellFormed), { numRuns: 300 });
  });

  it("questions with random noise around real words", () => {
    const words = fc.constantFrom(
      "alibaba",
      "rural",
      "hq",
      "goldman",
      "europe",
      "fake",
      "ceo",
      "2016",
      "阿里",
      "农村",
      "\u202e",
      "@everyone",
      "<!channel>",
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 30 }).map((w) => w.join(" ")),
        wellFormed,
      ),
      { numRuns: 300 },
    );
  });

  it("empty, blank and huge strings", () => {
    for (const s of ["", " ", "\n\t", "?", "a".repeat(2001), "阿".repeat(100_000), "🙂".repeat(50_000), "\uD800".repeat(100_000)])
      wellFormed(s);
    expect(ask(e, "a".repeat(100_000)).kind).toBe("too-long");
  });
});
