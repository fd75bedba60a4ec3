import { describe, expect, it } from "vitest";
import { createEngine, isFactAnswer, type Knowledge } from "../../../src/index.js";
import { trainClassifier } from "../../../src/match/classifier.js";
import { averageVector, dimensions } from "../../../src/match/embeddings.js";
import { answersHoldShapes } from "../../../src/match/intent.js";

const vector = (words: string[]) => {
  const out = new Float32Array(dimensions());
  return averageVector(words, () => 1, out) ? out : undefined;
};
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);

describe("word vectors", () => {
  it("place words of like meaning near each other", () => {
    const [dog, puppy, tax] = [vector(["dog"]), vector(["puppy"]), vector(["tax"])] as [Float32Array, Float32Array, Float32Array];
    expect(cosine(dog, puppy)).toBeGreaterThan(cosine(dog, tax) + 0.2);
    // Averages are scaled to length 1, whatever the number of words.
    expect(cosine(dog, dog)).toBeCloseTo(1, 5);
    expect(cosine(vector(["the", "cat", "sat"]) as Float32Array, vector(["the", "cat", "sat"]) as Float32Array)).toBeCloseTo(1, 5);
  });

  it("know nothing of made-up words, Chinese or an empty question", () => {
    expect(vector(["qwzxv", "blorptang"])).toBeUndefined();
    expect(vector(["阿里巴巴"])).toBeUndefined();
    expect(vector([])).toBeUndefined();
  });

  it("let the classifier place a word no example holds: cats are pets, receipts are paperwork", () => {
    const example = (label: number, typed: string[]) => ({ label, terms: typed.slice(3), tokens: typed, typed, weight: 1 });
    const c = trainClassifier(
      [
        example(0, ["do", "you", "have", "pets"]),
        example(0, ["do", "you", "have", "a", "dog"]),
        example(1, ["do", "you", "have", "tax", "forms"]),
        example(1, ["do", "you", "have", "my", "invoice"]),
      ],
      2,
    );
    // Only the shared words "do you have" are features both classes know; the vector decides
    // (without it, each question below gets 0.5 to 0.7 for pets).
    const pets = (word: string) => c?.predict([word], ["do", "you", "have", word], ["do", "you", "have", word])?.[0];
    expect(pets("cats")).toBeGreaterThan(0.85);
    expect(pets("puppies")).toBeGreaterThan(0.8);
    expect(pets("receipts")).toBeLessThan(0.3);
    expect(pets("taxes")).toBeLessThan(0.3);
  });
});

describe("whether a file's answers hold shapes", () => {
  it("a file of intents states no counts, dates or people; a file of facts does", () => {
    expect(answersHoldShapes(["Intent: translate", "Intent: pto_request"])).toBe(false);
    expect(answersHoldShapes(["Intent: translate", "It opened three offices in 2016."])).toBe(true);
    expect(answersHoldShapes(["Jane Doe runs it."])).toBe(true);
  });
});

describe("a file of intents (answers that state nothing)", () => {
  // Three intents in CLINC150's shape: the answer is the intent's name.
  const intents: Record<string, string[]> = {
    "food-last": [
      "how long does milk last",
      "is chicken still good after 4 days",
      "when does bread go bad",
      "how long will cheese keep",
      "is this yogurt still ok to eat",
    ],
    payday: ["when is my next payday", "when do i get paid", "what day is payday", "how often do i get paid", "is today payday"],
    "pto-balance": [
      "how many days off do i have left",
      "what is my pto balance",
      "how much vacation do i have",
      "how many sick days remain",
      "pto left",
    ],
  };
  const knowledge: Knowledge = {
    sources: [{ id: "intents", title: "Intents", publisher: "Example", author: "Example", url: "https://example.com/intents" }],
    facts: Object.entries(intents).map(([id, questions]) => ({
      id,
      answer: `Intent: ${id}`,
      quote: id,
      source: "intents",
      questions,
      keywords: [],
    })),
  };
  const e = createEngine({ knowledge });

  it("answers a 'how many' or 'when' question with its intent, though no answer holds a number or a date", () => {
    for (const [q, intent] of [
      ["who decides when i get paid", "payday"],
      ["how many sick days can i still take", "pto-balance"],
      ["when will my vacation balance reset", "pto-balance"],
    ]) {
      const a = e.answer(q as string).answer;
      expect(isFactAnswer(a) ? a.factIds : a.kind, q).toEqual([intent]);
    }
  });
});
