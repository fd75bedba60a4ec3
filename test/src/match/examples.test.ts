import { describe, expect, it } from "vitest";
import { createEngine, type Knowledge, validateKnowledge } from "../../../src/index.js";
import { ask, knowledge, rawKnowledge } from "../../helpers/knowledge.js";

/** The real knowledge with its labelled examples replaced by the given ones. */
const withExamples = (examples: Knowledge["examples"]) => createEngine({ knowledge: { ...knowledge(), examples } });

describe("labelled examples", () => {
  it("teach the classifier a wording no curated phrasing has", () => {
    const q = "gimme the lowdown on the sticks";
    expect(ask(withExamples([]), q).answered).toBe(false);
    const taught = withExamples([
      { q: "whats going on out in the sticks", fact: "rural" },
      { q: "plans for the sticks?", fact: "rural" },
      { q: "anything for folks in the sticks", fact: "rural" },
      { q: "what about people out in the sticks", fact: "rural" },
      { q: "the sticks: what is alibaba doing there", fact: "rural" },
    ]);
    expect(ask(taught, q).factIds).toEqual(["rural"]);
  });

  it("unanswered ones teach the refusals' class", () => {
    const q = "what did alibaba spend on its european offices";
    const refusal = (e: ReturnType<typeof withExamples>) => e.answer(q).answer.evidence?.refusal ?? 0;
    const spending = [
      "how much did alibaba pay for the europe offices",
      "what did the european offices cost",
      "cost of the offices in europe",
      "what did alibaba spend opening offices in europe",
      "europe offices spending",
      "how much money went into the european offices",
    ];
    const before = refusal(withExamples([]));
    const after = refusal(withExamples(spending.map((s) => ({ q: s, fact: null }))));
    expect(before).toBeLessThan(0.05);
    expect(after).toBeGreaterThan(before + 0.2);
  });

  it("that type the subject's ticker as their subject make it the subject's name, not one the answer leaves out", () => {
    const ticker = (t: string) =>
      withExamples([
        { q: `what is ${t} doing in the countryside?`, fact: "rural" },
        { q: `does ${t} have a second head office?`, fact: "beijing-hq" },
        { q: `who runs ${t}'s push overseas?`, fact: "michael-evans" },
      ]);
    for (const q of [":coffee: how much is XYZQ sinking into local services?", "who's actually calling the shots at XYZQ, the CEO"]) {
      const answer = ticker("XYZQ").answer(q).answer;
      expect(answer.kind, q).toBe("fact");
      expect(answer.evidence?.top?.specific, q).toBe(0);
    }
    // Typed in lower case it is no firm's name for askers, and stays a word the facts leave out.
    expect(ticker("xyzq").answer("how much is XYZQ sinking into local services?").answer.kind).not.toBe("fact");
  });

  it("are never offered as suggestions: autocomplete lists curated questions only", () => {
    const e = withExamples([{ q: "gimme the lowdown on the sticks", fact: "rural" }]);
    expect(e.complete("lowdown on the sticks")).not.toContain("gimme the lowdown on the sticks");
  });

  it("must be labelled with a fact that exists", () => {
    const k = rawKnowledge();
    k.examples = [{ q: "who runs it?", fact: "no-such-fact" }, { q: "what is the weather?", fact: null }, { q: "" }];
    const problems = validateKnowledge(k, "k.json").problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toContain('$.examples[0].fact: example labelled with unknown fact "no-such-fact"');
    expect(problems.some((p) => p.startsWith("$.examples[2]"))).toBe(true);
    expect(problems.some((p) => p.startsWith("$.examples[1]"))).toBe(false);
  });
});
