/**
 * A tiny hand-written Engine for unit tests of the Discord adapter's wiring; end-to-end tests use
 * the real engine and knowledge file.
 */
import type { Answer, Citation, Engine } from "../../src/index.js";
import { type AnswerFields, answerOf } from "./answers.js";

export const FAKE_CITATION: Citation = {
  factId: "europe-offices",
  quote: "Alibaba last month cemented its European push with offices in Paris and Milan.",
  title: "Alibaba boss maps out '3 key battlefields' in 2016",
  publisher: "Tech in Asia",
  author: "Steven Millward",
  date: "January 2016",
  url: "https://example.test/article#:~:text=Alibaba%20last%20month",
  sourceUrl: "https://example.test/article",
};

const QUESTIONS = ["Where did Alibaba open offices in Europe?", "Who leads the international strategy?"];
const EVIDENCE = { question: "", terms: [], threshold: 0.75 };

export function fakeAnswer(overrides: AnswerFields = {}): Answer {
  return answerOf({
    kind: "fact",
    answer: "Alibaba opened offices in Paris and Milan.",
    citations: [FAKE_CITATION],
    confidence: 0.9,
    factIds: ["europe-offices"],
    ...overrides,
  });
}

export function fakeEngine(): Engine & { asked: { text: string }[] } {
  const asked: { text: string }[] = [];
  const turn = { lastFactIds: [], shown: [], choices: [] };
  const reply = (answer: Answer) => ({ answer, turn });
  return {
    asked,
    factCount: 2,
    answer(text) {
      asked.push({ text });
      if (!text.trim())
        return reply({
          kind: "help",
          text: "Ask me about Alibaba's 2016 roadmap.",
          suggestions: QUESTIONS,
          language: "en",
          evidence: EVIDENCE,
        });
      if (/europe/i.test(text)) return reply(fakeAnswer());
      return reply({
        kind: "out-of-scope",
        text: "The source doesn't cover that.",
        suggestions: QUESTIONS,
        language: "en",
        evidence: EVIDENCE,
      });
    },
    complete(partial, limit = 25) {
      return QUESTIONS.filter((q) => q.toLowerCase().includes(partial.toLowerCase())).slice(0, limit);
    },
    topics: () => [{ id: "global", title: "Globalisation", examples: [QUESTIONS[0] ?? ""] }],
    about: () => ({
      title: FAKE_CITATION.title,
      publisher: "Tech in Asia",
      author: "Steven Millward",
      date: "January 2016",
      url: FAKE_CITATION.sourceUrl,
      can: ["Answer with quotes"],
      cannot: ["Anything else"],
    }),
    warm() {},
  };
}
