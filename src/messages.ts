const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** "January 2016" → "2016 年 1 月"; any other form is shown as written. */
function zhDate(date: string): string {
  const m = date.trim().match(/^([A-Za-z]+)\s+(\d{4})$/);
  const month = m ? MONTHS.indexOf((m[1] as string).toLowerCase()) + 1 : 0;
  return m && month ? `${m[2]} 年 ${month} 月` : date;
}

/** Every sentence the engine says on its own behalf, in one place (English and Chinese). */
export const MESSAGES = {
  en: {
    outOfScope: "The source doesn't cover that. I only know what Tech in Asia reported about Alibaba's 2016 roadmap (January 2016).",
    empty:
      "Ask me about Alibaba's 2016 roadmap: the three key battlefields (global imports, China's biggest cities, rural e-commerce) that CEO Daniel Zhang set out.",
    tooLong: (max: number) =>
      `That message is too long (over ${max} characters). Please ask one short question about Alibaba's 2016 roadmap.`,
    asOf: (date: string | undefined) => (date ? `As of the article (${date}): ` : "As of the article: "),
    clarify: "That could mean more than one thing. Which did you mean?",
    partly: "I can answer only part of that. ",
  },
  zh: {
    outOfScope: "资料中没有涉及这个问题。我只了解 Tech in Asia 关于阿里巴巴 2016 年路线图的报道（2016 年 1 月）。",
    empty: "可以问我阿里巴巴 2016 年的路线图：CEO 张勇提出的三大主战场（全球进口、中国一线城市、农村电商）。",
    tooLong: (max: number) => `消息太长（超过 ${max} 个字符）。请就阿里巴巴 2016 年路线图问一个简短的问题。`,
    asOf: (date: string | undefined) => (date ? `截至该文章发表时（${zhDate(date)}）：` : "截至该文章发表时："),
    clarify: "这个问题可能有几种意思，你指的是哪一个？",
    partly: "这个问题我只能回答一部分。",
  },
} as const;

/** What the bot can and cannot do, for /about, App Home and `:help`. */
export const CAPABILITIES = {
  can: [
    "Answer questions about Alibaba's 2016 roadmap as reported by Tech in Asia, each with a verbatim quote and a link to it",
    "Explain the three key battlefields: global imports, China's biggest cities, rural e-commerce",
    'Understand typos, synonyms, follow-ups ("tell me more") and questions in Chinese',
  ],
  cannot: [
    "Answer anything the article does not say (no news after January 2016, no other companies, no guesses)",
    "Generate text: every answer is curated and cited",
  ],
};
