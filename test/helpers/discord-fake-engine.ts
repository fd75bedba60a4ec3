/**
 * A tiny hand-written Engine for unit tests of the Discord adapter's wiring; end-to-end tests use
 * the real engine and knowledge file.
 */
import type { Engine } from "../../src/engine-api.js";
import type { Answer, Citation } from "../../src/types.js";

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

export function fakeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    answered: true,
    answer: "Alibaba opened offices in Paris and Milan.",
    citations: [FAKE_CITATION],
    confidence: 0.9,
    suggestions: [],
    kind: "fact",
    factIds: ["europe-offices"],
    language: "en",
    ...overrides,
  };
}

export function fakeEngine(): Engine & { asked: { text: string; conversationId?: string }[] } {
  const asked: { text: string; conversationId?: string }[] = [];
  return {
    asked,
    factCount: 2,
    answer(text, options) {
      asked.push({ text, ...(options?.conversationId ? { conversationId: options.conversationId } : {}) });
      if (!text.trim()) {
        return fakeAnswer({
          answered: false,
          answer: "Ask me about Alibaba's 2016 roadmap.",
          citations: [],
          kind: "help",
          factIds: [],
          suggestions: QUESTIONS,
        });
      }
      if (/europe/i.test(text)) return fakeAnswer();
      return fakeAnswer({
        answered: false,
        answer: "The source doesn't cover that.",
        citations: [],
        kind: "out-of-scope",
        factIds: [],
        confidence: 0,
        suggestions: QUESTIONS,
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
    explain: () => undefined,
  };
}
