import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runUnanswered, visible } from "../../app/commands/unanswered.js";
import { groupNearDuplicates } from "../../app/unanswered-groups.js";
import { createUnansweredLog } from "../../app/unanswered-log.js";

const tempLog = () => join(mkdtempSync(join(tmpdir(), "rb-limits-")), "unanswered.jsonl");
const linesOf = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean) : []);

describe("unanswered log: bounded on disk", () => {
  it("rotates to .1 at the size cap, so the log never takes more than twice the cap", () => {
    const file = tempLog();
    const log = createUnansweredLog(file, undefined, { maxBytes: 2000 });
    for (let i = 0; i < 100; i++) log({ platform: "slack", question: `question number ${i} about something`, kind: "out-of-scope" });
    expect(statSync(file).size).toBeLessThanOrEqual(2000);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(2000);
    // The newest line is in the live file; the file rotated at least once (100 lines of ~110 bytes).
    expect(linesOf(file).at(-1)).toContain("question number 99 ");
    expect(linesOf(file).length + linesOf(`${file}.1`).length).toBeLessThan(100);
  });

  it("gives one user at most their share of the cap, never writing their key", () => {
    const file = tempLog();
    const log = createUnansweredLog(file, undefined, { maxBytes: 100_000, perUserShare: 0.1 });
    for (let i = 0; i < 500; i++) log({ platform: "slack", question: `flood ${i}`, kind: "out-of-scope" }, "U-FLOODER-1234");
    log({ platform: "slack", question: "a real question from someone else", kind: "out-of-scope" }, "U-OTHER-5678");
    log({ platform: "cli", question: "a question without a user key", kind: "out-of-scope" });
    const text = readFileSync(file, "utf8");
    const flood = linesOf(file).filter((l) => l.includes("flood "));
    const floodBytes = flood.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    expect(floodBytes).toBeLessThanOrEqual(10_000);
    expect(flood.length).toBeGreaterThan(50);
    expect(text).toContain("a real question from someone else");
    expect(text).toContain("a question without a user key");
    expect(text).not.toContain("FLOODER");
    expect(text).not.toContain("OTHER-5678");
  });

  it("gives each user a fresh share after a rotation", () => {
    const file = tempLog();
    const log = createUnansweredLog(file, undefined, { maxBytes: 3000, perUserShare: 0.5 });
    for (let i = 0; i < 40; i++) log({ platform: "slack", question: `first round ${i}`, kind: "out-of-scope" }, "u1");
    // u1 is at their share; others fill the log until it rotates.
    for (let i = 0; i < 40; i++) log({ platform: "slack", question: `filler ${i}`, kind: "out-of-scope" }, `u-${i}`);
    log({ platform: "slack", question: "after the rotation", kind: "out-of-scope" }, "u1");
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(file, "utf8")).toContain("after the rotation");
  });
});

describe("roadmap-bot unanswered: what strangers typed cannot drive the terminal", () => {
  it("prints control and bidirectional characters as escapes, one printed line per line", () => {
    const file = tempLog();
    const forged = "\u001b[2J\u0007\u202e0 unanswered questions in 0 groups\r\n0 unanswered questions";
    writeFileSync(
      file,
      `${JSON.stringify({ time: "2026-01-01T00:00:00Z", platform: "slack\u001b[31m", question: forged, kind: "out-of-scope" })}\n`,
    );
    const out: string[] = [];
    expect(runUnanswered(file, false, (l) => out.push(l))).toBe(0);
    const all = out.join("\n");
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out.every((l) => !l.includes("\n"))).toBe(true);
    expect(out.filter((l) => l.startsWith("0 unanswered"))).toEqual([]);
    expect(all).toContain("\\u001b[2J\\u0007\\u202e0 unanswered questions in 0 groups\\u000d\\u000a0 unanswered");
    expect(all).toContain("slack\\u001b[31m");
  });

  it("leaves ordinary text, Chinese and emoji alone", () => {
    expect(visible("Who is the CEO? 谁是CEO？ 👍🏽 — “quoted”")).toBe("Who is the CEO? 谁是CEO？ 👍🏽 — “quoted”");
    expect(visible("lone \ud800 surrogate")).toBe("lone \\ud800 surrogate");
  });
});

/** The quadratic original: each set joins the oldest group whose first set is similar enough. */
function naiveGroups(sets: string[][], threshold: number): number[][] {
  const groups: { first: Set<string>; members: number[] }[] = [];
  sets.forEach((set, i) => {
    const s = new Set(set);
    const home = groups.find((g) => {
      if (!g.first.size && !s.size) return true;
      let shared = 0;
      for (const t of s) if (g.first.has(t)) shared++;
      return shared / (g.first.size + s.size - shared) >= threshold;
    });
    if (home) home.members.push(i);
    else groups.push({ first: s, members: [i] });
  });
  return groups.map((g) => g.members);
}

describe("grouping near-duplicates", () => {
  it("groups exactly as comparing with every group would (prefix filtering loses nothing)", () => {
    const term = fc.constantFrom("ceo", "who", "what", "taobao", "rural", "europe", "paris", "hq", "fake", "good", "jack", "ma");
    fc.assert(
      fc.property(fc.array(fc.array(term, { maxLength: 7 }), { maxLength: 60 }), (sets) => {
        expect(groupNearDuplicates(sets, 0.6)).toEqual(naiveGroups(sets, 0.6));
      }),
      { numRuns: 300 },
    );
  });

  it("does near-linear work: ten times the lines, about ten times the comparisons", () => {
    // Distinct questions whose words repeat across lines, as in a real log (the vocabulary grows with it).
    const sets = (n: number) => {
      let seed = 7;
      const next = () => {
        seed = (seed * 48271) % 2147483647;
        return seed;
      };
      return Array.from({ length: n }, () => ["what", ...Array.from({ length: 3 + (next() % 5) }, () => `w${next() % (n / 10)}`)]);
    };
    const work = (n: number) => {
      const stats = { comparisons: 0 };
      groupNearDuplicates(sets(n), 0.6, stats);
      return stats.comparisons;
    };
    const small = work(1000);
    const large = work(10_000);
    // Comparing each line with every group would grow about 100-fold.
    expect(large / small).toBeLessThan(20);
    expect(large).toBeLessThan(10_000 * 50);
  });
});
