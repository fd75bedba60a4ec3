import type { Language } from "../src/index.js";

/**
 * Every sentence the bot says in its own voice, outside the engine's answers, in English and
 * Chinese: one home, so Slack, Discord and the terminal say the same thing. (What the engine says
 * about the knowledge, "the source doesn't cover that", lives with the engine in src/messages.ts.)
 */
export const WORDING = Object.freeze({
  en: {
    apology: "Sorry, something went wrong on my side while answering. Please try again in a moment.",
    rateLimited: "You're sending questions faster than I can answer them. Please wait a few seconds, then ask again.",
    stillRateLimited: "Still too fast; try again in a moment.",
    feedbackThanks: "Thanks for the feedback.",
    expired: "That button has expired. Ask your question again.",
    unknownCommand: "I don't know that command. Try /ask, /topics or /about.",
  },
  zh: {
    apology: "抱歉，我这边回答时出了点问题。请稍后再试。",
    rateLimited: "你发消息太快了，请稍等几秒再问。",
    stillRateLimited: "还是太快了，请稍后再试。",
    feedbackThanks: "谢谢你的反馈！",
    expired: "这个按钮已失效，请重新提问。",
    unknownCommand: "我不认识这个命令。试试 /ask、/topics 或 /about。",
  },
});

export type Notice = keyof (typeof WORDING)["en"];

/** The words around an answer, in the answer's language: headings and feedback buttons. */
export interface Frame {
  quoteHeading: string;
  sourceHeading: string;
  helpful: string;
  notHelpful: string;
  /** Before related questions, after an answer (plain text). */
  related: string;
  /** Before questions the bot can answer, after a refusal or help (plain text). */
  suggestions: string;
}

export const FRAMES: Readonly<Record<Language, Frame>> = Object.freeze({
  en: {
    quoteHeading: "Quote",
    sourceHeading: "Source",
    helpful: "Helpful",
    notHelpful: "Not helpful",
    related: "Related:",
    suggestions: "You could ask:",
  },
  zh: {
    quoteHeading: "引文",
    sourceHeading: "来源",
    helpful: "有帮助",
    notHelpful: "没帮助",
    related: "相关问题：",
    suggestions: "你可以问：",
  },
});

/**
 * Sentences that name one platform's commands or layout (Slack's /roadmap, Discord's /ask), kept
 * here with the rest so that every sentence the bot says has one home. Slack's are plain text that
 * may use mrkdwn's `*bold*` and `` `code` ``; its renderers escape `&`, `<` and `>`; `{name}` marks a
 * slot the renderer fills (a link, a mention).
 */
export const SLACK_WORDING = Object.freeze({
  helpIntro: "I answer questions about *{title}*, quoting the source word for word.",
  helpCan: "*I can:*",
  helpCannot: "*I can't:*",
  helpTry: "Try one of these:",
  helpHowTo: "Mention me in a channel (I reply in a thread), DM me, or use `/roadmap <question>`.",
  homeTitle: "roadmap-bot",
  homeTopics: "*What I know about*",
  relatedLabel: "Related questions:",
  suggestionsLabel: "Questions I can answer:",
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
  postToChannel: "Post to channel",
  askedBy: "{user} asked:",
  youAsked: "You asked:",
  sourcePrefix: "Source:",
});

export const DISCORD_WORDING = Object.freeze({
  fallback: "I can only answer questions about Alibaba's 2016 roadmap.",
  topicsTitle: "What I can answer",
  topicsIntro: "Alibaba's 2016 roadmap, from one cited source. Try /ask with one of these:",
  aboutIntro: "I answer questions about Alibaba's 2016 roadmap with verbatim quotes from this source:",
  canHeading: "What I can do",
  cannotHeading: "What I can't do",
  // Slash command descriptions (at most 100 characters each).
  askCommand: "Ask about Alibaba's 2016 roadmap; the answer quotes its source.",
  questionOption: "Your question, e.g. Where did Alibaba open offices in Europe?",
  privateOption: "Only you see the answer (default: off).",
  topicsCommand: "The three battlefields of Alibaba's 2016 roadmap, with example questions.",
  aboutCommand: "The source this bot quotes, and what it can and cannot do.",
});

/** The language to answer a message in when the engine has not read it: Chinese if it has Han characters. */
export function languageOf(text: string): Language {
  return /[\u3400-\u9fff]/.test(text) ? "zh" : "en";
}

/** One of the bot's own sentences, in the asker's language. */
export function say(notice: Notice, language: Language = "en"): string {
  return WORDING[language][notice];
}

export const REPL_WORDING = Object.freeze({
  banner: (facts: number) => `roadmap-bot: ${facts} facts about Alibaba's 2016 roadmap. Type :help for commands, :quit to leave.`,
  help: `Ask a question about Alibaba's 2016 roadmap, or:
  :help     this help
  :topics   the three battlefields, with example questions
  :sources  where the answers come from
  :why      how the last answer was chosen
  :quit     leave (Ctrl-D, or Ctrl-C on an empty line, works too;
            Ctrl-C on a half-typed line clears it)`,
  unknownCommand: (command: string) => `Unknown command ${command}. Type :help.`,
  nothingAskedYet: "Nothing asked yet.",
});
