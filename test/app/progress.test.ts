/** The status line of long commands (app/progress.ts), and what bench and eval report through it. */
import { describe, expect, it } from "vitest";
import { benchPair, time } from "../../app/commands/bench.js";
import { countingAnswers, type Progress, terminalProgress } from "../../app/progress.js";
import { engine, knowledge } from "../helpers/knowledge.js";

/** A stand-in for process.stderr that records what was written. */
function stream(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { written, s: { isTTY, columns, write: (t: string) => written.push(t) > 0 } as unknown as NodeJS.WriteStream };
}

/** A Progress that keeps every status it is given. */
function recorder(): Progress & { seen: string[]; cleared: number } {
  const r = {
    seen: [] as string[],
    cleared: 0,
    update: (text: string) => void r.seen.push(text),
    done: () => void r.cleared++,
  };
  return r;
}

describe("terminalProgress", () => {
  it("on a terminal: draws in place, at most once an interval unless told, and clears when done", () => {
    const { written, s } = stream(true);
    const p = terminalProgress(s, 60_000);
    p.update("eval: 1/3");
    p.update("eval: 2/3");
    p.update("eval: phase two…", true);
    p.done();
    expect(written).toEqual(["\reval: 1/3\x1b[K", "\reval: phase two…\x1b[K", "\r\x1b[K"]);
    // After done, the next status is drawn at once.
    p.update("next");
    expect(written.at(-1)).toBe("\rnext\x1b[K");
  });

  it("never draws wider than the terminal, so the line can be redrawn", () => {
    const { written, s } = stream(true, 20);
    terminalProgress(s).update("x".repeat(50));
    expect(written[0]).toBe(`\r${"x".repeat(19)}\x1b[K`);
  });

  it("writes nothing when the stream is not a terminal", () => {
    const { written, s } = stream(false);
    const p = terminalProgress(s, 0);
    p.update("eval: 1/3", true);
    p.done();
    expect(written).toEqual([]);
  });
});

describe("what long commands report", () => {
  it("countingAnswers counts every answer and changes none", () => {
    const r = recorder();
    const plain = engine();
    const counted = countingAnswers(engine(), 2, "eval:", r);
    for (const q of ["Where is Alibaba's second headquarters?", "Who is Alibaba's chairman?"])
      expect(counted.answer(q)).toEqual(plain.answer(q));
    expect(r.seen).toEqual(["eval: 1/2", "eval: 2/2"]);
  });

  it("bench reports each matcher's calls, warm-up and three rounds, up to the total", () => {
    const r = recorder();
    const questions = ["Where is Alibaba's second headquarters?", "how many provinses"];
    const k = knowledge();
    const rows = benchPair("tiny", k, questions, r);
    expect(rows.map((row) => row.timed)).toEqual([6, 6]);
    expect(r.seen[0]).toBe(`bench: tiny, building the engine (${k.facts.length} facts)…`);
    expect(r.seen.filter((s) => s.startsWith("bench: tiny, engine "))).toEqual(
      Array.from({ length: 8 }, (_, i) => `bench: tiny, engine ${i + 1}/8`),
    );
    expect(r.seen).toContain(`bench: tiny, building MiniSearch (${k.facts.length} facts)…`);
    expect(r.seen.at(-1)).toBe("bench: tiny, MiniSearch 8/8");
  });

  it("bench names the costliest question by its fastest timing, apart from the slowest single one", () => {
    // "slow" always burns 3 ms; "fast" once pays for a 60 ms pause, as a collector pause would land.
    const burn = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let fastCalls = 0;
    // One warm-up pass only (no warm-up time), so the third call of "fast" is a timed one.
    const row = time(
      "toy",
      1,
      ["fast", "slow"],
      (q) => {
        if (q === "slow") burn(3);
        else if (++fastCalls === 3) burn(60);
      },
      3,
      () => {},
      0,
    );
    expect(row.costliest.question).toBe("slow");
    expect(row.slowest.question).toBe("fast");
  });
});
