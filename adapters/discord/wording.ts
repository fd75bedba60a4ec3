/**
 * Every fixed string the Discord adapter shows people, in one place. Answers themselves come from the
 * engine; these are only the frame around them.
 */
export const TEXT = Object.freeze({
  quoteHeading: "Quote",
  sourceHeading: "Source",
  helpful: "Helpful",
  notHelpful: "Not helpful",
  fallback: "I can only answer questions about Alibaba's 2016 roadmap.",
  topicsTitle: "What I can answer",
  topicsIntro: "Alibaba's 2016 roadmap, from one cited source. Try /ask with one of these:",
  aboutIntro: "I answer questions about Alibaba's 2016 roadmap with verbatim quotes from this source:",
  canHeading: "What I can do",
  cannotHeading: "What I can't do",
});

/** The words around an answer: embed headings and feedback buttons. */
export interface Frame {
  quoteHeading: string;
  sourceHeading: string;
  helpful: string;
  notHelpful: string;
}

/** The frame of an answer in the answer's language. */
export const FRAME: Readonly<Record<"en" | "zh", Frame>> = Object.freeze({
  en: { quoteHeading: TEXT.quoteHeading, sourceHeading: TEXT.sourceHeading, helpful: TEXT.helpful, notHelpful: TEXT.notHelpful },
  zh: { quoteHeading: "引文", sourceHeading: "来源", helpful: "有帮助", notHelpful: "没帮助" },
});
