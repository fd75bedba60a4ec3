import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLabelledSet } from "../../app/curator/evaluate.js";
import { editDistance, plausibleTypo } from "../../src/match/fuse-matcher.js";
import { ask, engine } from "../helpers/knowledge.js";

/** A repeatable pseudo-random sequence, so the typos are the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** One edit a person makes while typing (swap, drop, double or slip a letter), never on the first letter. */
function typo(word: string, rnd: () => number): string {
  const i = 1 + Math.floor(rnd() * (word.length - 1));
  const letter = "abcdefghijklmnopqrstuvwxyz"[Math.floor(rnd() * 26)] as string;
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return i < word.length - 1 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return word.slice(0, i) + letter + word.slice(i + 1);
  }
}

describe("typo robustness", () => {
  it("plausible typos keep the first letter and scale the edits with the length", () => {
    expect(plausibleTypo("goldmann", "goldman")).toBe(true);
    expect(plausibleTypo("airport", "import")).toBe(false);
    expect(plausibleTypo("div", "dig")).toBe(false);
    expect(plausibleTypo("teh", "the", true)).toBe(true);
    expect(plausibleTypo("light", "might", true)).toBe(false);
    // A doubled letter in a short word or a stop word: "theiir" is "their", "thhe" is "the".
    expect(plausibleTypo("theiir", "their", true)).toBe(true);
    expect(plausibleTypo("thhe", "the", true)).toBe(true);
    expect(plausibleTypo("thee", "then", true)).toBe(false);
    // …and a double letter typed once: "stuf" is "stuff".
    expect(plausibleTypo("stuf", "stuff", true)).toBe(true);
    // Two edits from seven letters (two swaps in "aritlce"), one below.
    expect(plausibleTypo("aritlce", "article")).toBe(true);
    expect(plausibleTypo("artlc", "article")).toBe(false);
    expect(plausibleTypo("kering", "keeping")).toBe(false);
    expect(editDistance("battefield", "battlefield")).toBe(1);
    // Three consonants texted for a four-letter word, its vowel left out; never for a stop word.
    expect(plausibleTypo("pln", "plan")).toBe(true);
    expect(plausibleTypo("tch", "tech")).toBe(true);
    expect(plausibleTypo("dvi", "dive")).toBe(false);
    expect(plausibleTypo("wht", "with", true)).toBe(false);
  });

  it("reads a swap as the swapped word, and a texted word without its vowel", () => {
    const e = engine();
    const facts = (q: string) => ask(e, q).factIds;
    // "wnat" is one edit from "what" too; the swap keeps every typed letter.
    expect(facts("editor of this article name what, i wnat say thank you")).toEqual(
      facts("editor of this article name what, i want say thank you"),
    );
    expect(facts("who came up with alibaba's 2016 game pln?")).toEqual(facts("who came up with alibaba's 2016 game plan?"));
    expect(facts("who came up with alibaba's 2016 game plan?")).toHaveLength(1);
  });

  it("reads a letter struck or held more than once as the word with it once, and no run-together pair as another word", () => {
    const e = engine();
    const terms = (q: string) => e.answer(q).answer.evidence.terms;
    expect(terms("wat is the tiittle on the article")).toEqual(terms("what is the title on the article"));
    expect(terms("alibaba 2016 plan, whhhat?")).toEqual(terms("alibaba 2016 plan, what?"));
    // "importtax" shortened is two edits from "important": the pair typed apart stays two words.
    expect(terms("import tax")).toContain("tax");
  });

  it("between two words a letter apart, reads the one whose key is beside the typed one", () => {
    const e = engine();
    const terms = (q: string) => e.answer(q).answer.evidence.terms;
    // x sits beside c on the keyboard, far from y: "loxal" is "local", not "loyal".
    expect(terms("how much went into loxal services")).toEqual(terms("how much went into local services"));
  });

  it("reads a word spelt by ear as the known word it sounds like, never a shorter one", () => {
    const e = engine();
    const terms = (q: string) => e.answer(q).answer.evidence.terms;
    expect(terms("is alibaba bringing in foren brands")).toEqual(terms("is alibaba bringing in foreign brands"));
    expect(terms("is alibaba bringing in hedquaters")).toEqual(terms("is alibaba bringing in headquarters"));
    // "bloke" sounds like "blog", and is no misspelling of it; "india" sounds like "into".
    expect(terms("who is the bloke they hired")).not.toContain("blog");
    expect(terms("is it expanding into india")).toContain("india");
  });

  // Every in-scope question of the dev set that the engine answers, with one typo in its longest
  // word: the engine must still find the same fact for nearly all of them.
  it("one typo in the longest word keeps at least 95% of right answers right", () => {
    const e = engine();
    const set = parseLabelledSet(readFileSync(new URL("../questions/floors/en.jsonl", import.meta.url), "utf8")).filter(
      (q) => q.fact && q.category !== "typo",
    );
    const rnd = random(42);
    const right = (q: string, fact: string) => ask(e, q).factIds.includes(fact);
    let base = 0;
    let kept = 0;
    for (const { q, fact } of set) {
      if (!fact || !right(q, fact)) continue;
      base++;
      const words = q.split(/\s+/);
      const longest = words.reduce(
        (best, w, i) => (/^[a-z]{5,}$/i.test(w) && (best < 0 || w.length > (words[best]?.length ?? 0)) ? i : best),
        -1,
      );
      if (longest >= 0) words[longest] = typo(words[longest] as string, rnd);
      if (right(words.join(" "), fact)) kept++;
    }
    expect(base).toBeGreaterThan(150);
    expect(kept / base).toBeGreaterThanOrEqual(0.95);
  });
});
