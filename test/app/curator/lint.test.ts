import { describe, expect, it } from "vitest";
import { lintKnowledge } from "../../../app/curator/lint.js";
import type { Knowledge } from "../../../src/knowledge/schema.js";
import { rawKnowledge } from "../../helpers/knowledge.js";

describe("curated refusals in the curator's lint", () => {
  it("the shipped file's refusals are all refused", () => {
    expect(lintKnowledge(rawKnowledge() as Knowledge, "k.json").filter((p) => p.path.startsWith("$.refusals"))).toEqual([]);
  });

  it("a refusal that is one of a fact's own phrasings is reported", () => {
    const k = rawKnowledge();
    const phrasing = k.facts[0].questions[0] as string;
    k.refusals = [...k.refusals, phrasing];
    const problems = lintKnowledge(k as Knowledge, "k.json");
    expect(problems.some((p) => p.path === `$.refusals[${k.refusals.length - 1}]` && p.message.includes("a refusal cannot be both"))).toBe(
      true,
    );
  });
});
