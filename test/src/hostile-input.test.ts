import { describe, expect, it } from "vitest";
import { parseCoreConfig } from "../../app/config.js";
import { createEngine } from "../../src/index.js";
import { readChat } from "../../src/match/chat.js";
import { normalise } from "../../src/match/normalise.js";
import { knowledge } from "../helpers/knowledge.js";

/** The cap on MAX_QUESTION_LENGTH (app/config.ts): the hostile inputs below are run at it. */
const CAP = 10_000;

/**
 * Inputs that took quadratic time (100,000 characters: 4 s to 106 s each) before the patterns
 * were made linear. Each builds a message of about n characters.
 */
const HOSTILE: [string, (n: number) => string, boolean?][] = [
  ["a run of hyphens", (n) => "-".repeat(n)],
  ["a run of dots", (n) => ".".repeat(n)],
  ["thanks after punctuation", (n) => `thanks${"-".repeat(n)}x`],
  ["a run of '<'", (n) => "<".repeat(n)],
  ["a run of one Chinese character", (n) => "阿".repeat(n)],
  ["a run of Chinese words", (n) => "阿里巴巴的战略是什么".repeat(n / 10)],
  ["help, then punctuation", (n) => `help${"=".repeat(n)}x`],
  ["no-break spaces", (n) => `what is ${"\u00a0".repeat(n)}x and also y`],
  ["a follow-up word, then spaces", (n) => `more${" ".repeat(n)}x`, true],
  ["why, then spaces", (n) => `why${"\t".repeat(n)}?x`, true],
  ["many sentences", (n) => "Who is the CEO. ".repeat(n / 16)],
  ["many ors", (n) => "taobao or ".repeat(n / 10)],
];

// An operator may raise MAX_QUESTION_LENGTH (default 1,000) up to the cap.
const e = createEngine({ knowledge: knowledge(), maxQuestionLength: CAP });
e.warm();

/** The fastest of three runs, in ms (the fastest is the least disturbed by other work on the machine). */
function fastest(text: string, conversation: boolean): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const turn = conversation ? e.answer("Who is Michael Evans?").turn : undefined;
    const start = performance.now();
    e.answer(text, turn);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("hostile questions at the length cap", () => {
  it("MAX_QUESTION_LENGTH stops at the measured cap", () => {
    expect(parseCoreConfig({ MAX_QUESTION_LENGTH: String(CAP) }).ok).toBe(true);
    const over = parseCoreConfig({ MAX_QUESTION_LENGTH: String(CAP + 1) });
    expect(over.ok ? [] : over.problems).toEqual([`MAX_QUESTION_LENGTH must be at most ${CAP} characters`]);
  });

  it.each(HOSTILE)("%s: answered (never thrown), in work that grows linearly", (_name, make, conversation = false) => {
    // A few characters under the cap: the builders add a word or two around the run.
    const n = CAP - 20;
    const answer = e.answer(make(n), conversation ? e.answer("Who is Michael Evans?").turn : undefined).answer;
    expect(answer.kind).not.toBe("too-long");
    expect(typeof answer.text).toBe("string");
    // Growth, not speed: ten times the text may cost about ten times the work; a quadratic path
    // costs a hundred times. The short run is floored at 1 ms so timer noise cannot inflate the ratio.
    const short = fastest(make(n / 10), conversation);
    const longer = fastest(make(n), conversation);
    expect(longer / Math.max(short, 1)).toBeLessThan(30);
  });

  it("the reader keeps its meaning on the patterns that changed", () => {
    expect(readChat("What is the rural strategy?? thanks so much!!").text).toBe("What is the rural strategy?");
    expect(readChat("thanks, who is the CEO - pls").text).toBe("thanks, who is the CEO");
    expect(readChat("who leads Europe --- thanks").text).toBe("who leads Europe");
    expect(readChat("thanks -- so much!!").text).toBe("");
    expect(readChat("see <https://example.com/a|the article> about\u00a0\u00a0Taobao").text).toBe("see the article about Taobao");
    expect(readChat("<@U123> <<who is the CEO?").text).toBe("<<who is the CEO?");
  });

  it("reads at most 200 Chinese characters of one text", () => {
    const terms = (n: number) => normalise("阿里巴巴的战略是什么".repeat(n / 10)).terms.length;
    expect(terms(2000)).toBe(terms(200));
    expect(terms(200)).toBeGreaterThan(terms(100));
  });
});
