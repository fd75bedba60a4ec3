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
    feedbackThanks: "Thanks for the feedback!",
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

/** The language to answer a message in when the engine has not read it: Chinese if it has Han characters. */
export function languageOf(text: string): Language {
  return /[\u3400-\u9fff]/.test(text) ? "zh" : "en";
}

/** One of the bot's own sentences, in the asker's language. */
export function say(notice: Notice, language: Language = "en"): string {
  return WORDING[language][notice];
}
