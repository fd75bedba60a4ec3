import { describe, expect, it } from "vitest";
import { parseKnowledge, RoadmapBotError, validateKnowledge } from "../../src/index.js";
import { rawKnowledge } from "../helpers/knowledge.js";

const problemsOf = (data: unknown) => validateKnowledge(data, "k.json").problems.map((p) => `${p.path}: ${p.message}`);

describe("knowledge schema", () => {
  it("accepts the curated file", () => {
    expect(problemsOf(rawKnowledge())).toEqual([]);
  });

  it("reports a duplicate fact id with its JSON path", () => {
    const k = rawKnowledge();
    k.facts[1].id = k.facts[0].id;
    expect(problemsOf(k)).toContainEqual(expect.stringMatching(/^\$\.facts\[1\]\.id: duplicate id "overview"/));
  });

  it("reports a fact citing an unknown source", () => {
    const k = rawKnowledge();
    k.facts[2].source = "nowhere";
    expect(problemsOf(k)).toContain('$.facts[2].source: cites unknown source "nowhere"');
  });

  it("reports an empty questions list", () => {
    const k = rawKnowledge();
    k.facts[3].questions = [];
    expect(problemsOf(k)).toContain("$.facts[3].questions: must list at least one question");
  });

  it("reports another firm that a fact names", () => {
    const k = rawKnowledge();
    k.other_names = [{ name: "Tech in Asia" }];
    expect(problemsOf(k)).toContainEqual(expect.stringMatching(/^\$\.other_names\[0\]: "Tech in Asia" is named by fact/));
  });

  it("reports a related id that does not exist", () => {
    const k = rawKnowledge();
    k.facts[0].related = ["no-such-fact"];
    expect(problemsOf(k)).toContain('$.facts[0].related[0]: related fact "no-such-fact" does not exist');
  });

  it("reports missing fields, bad URLs and unknown fields", () => {
    const k = rawKnowledge();
    delete k.facts[4].quote;
    k.sources[0].url = "not a url";
    k.facts[5].colour = "red";
    const problems = problemsOf(k);
    expect(problems.some((p) => p.startsWith("$.facts[4].quote:"))).toBe(true);
    expect(problems).toContain("$.sources[0].url: must be an absolute http(s) URL");
    expect(problems.some((p) => p.startsWith("$.facts[5]:") && p.includes("colour"))).toBe(true);
  });

  it("reports every problem at once, not only the first", () => {
    const k = rawKnowledge();
    k.facts[1].id = k.facts[0].id;
    k.facts[2].source = "nowhere";
    k.facts[3].questions = [];
    expect(problemsOf(k).length).toBeGreaterThanOrEqual(3);
  });

  it("throws a coded error naming the file for invalid JSON", () => {
    try {
      parseKnowledge("{ nope", "broken.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RoadmapBotError);
      expect((err as RoadmapBotError).code).toBe("KNOWLEDGE_INVALID_JSON");
      expect((err as Error).message).toMatch(/^broken\.json: \$: not valid JSON/);
    }
  });
});
