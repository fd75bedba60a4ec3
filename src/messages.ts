const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** "January 2016" → "2016 年 1 月"; any other form is shown as written. */
function zhDate(date: string): string {
  const m = date.trim().match(/^([A-Za-z]+)\s+(\d{4})$/);
  const month = m ? MONTHS.indexOf((m[1] as string).toLowerCase()) + 1 : 0;
  return m && month ? `${m[2]} 年 ${month} 月` : date;
}

/** What the knowledge file says about its subject (see `bot` in the knowledge schema). */
export interface Voice {
  subject?: { en: string; zh?: string | undefined };
  intro?: { en: string; zh?: string | undefined };
  publisher?: string;
  date?: string | undefined;
}

/**
 * Every sentence the engine says on its own behalf, in one place (English and Chinese). The subject,
 * publisher and date come from the knowledge file: the engine itself knows no article.
 */
export function messagesFor(voice: Voice) {
  const subject = voice.subject?.en ?? "what the source says";
  const subjectZh = voice.subject?.zh ?? subject;
  const from = voice.publisher ? `what ${voice.publisher} reported about ${subject}` : `the source on ${subject}`;
  const fromZh = voice.publisher ? `${voice.publisher} 关于${subjectZh}的报道` : `关于${subjectZh}的资料`;
  return {
    en: {
      outOfScope: `The source doesn't cover that. I only know ${from}${voice.date ? ` (${voice.date})` : ""}.`,
      empty: voice.intro?.en ?? `Ask me about ${subject}.`,
      tooLong: (max: number) => `That message is too long (over ${max} characters). Please ask one short question about ${subject}.`,
      asOf: (date: string | undefined) => (date ? `As of the article (${date}): ` : "As of the article: "),
      clarify: "That could mean more than one thing. Which did you mean?",
      partly: "I can answer only part of that. ",
      languages: "I answer in English and in Chinese (Simplified or Traditional), in the language you ask in.",
    },
    zh: {
      outOfScope: `资料中没有涉及这个问题。我只了解${fromZh}${voice.date ? `（${zhDate(voice.date)}）` : ""}。`,
      empty: voice.intro?.zh ?? voice.intro?.en ?? `可以问我${subjectZh}。`,
      tooLong: (max: number) => `消息太长（超过 ${max} 个字符）。请就${subjectZh}问一个简短的问题。`,
      asOf: (date: string | undefined) => (date ? `截至该文章发表时（${zhDate(date)}）：` : "截至该文章发表时："),
      clarify: "这个问题可能有几种意思，你指的是哪一个？",
      partly: "这个问题我只能回答一部分。",
      languages: "我能用中文（简体或繁体）和英文回答：用哪种语言问，就用哪种语言答。",
    },
  } as const;
}
export type Messages = ReturnType<typeof messagesFor>;

/** What the bot can and cannot do when the knowledge file does not say (its `bot.can` / `bot.cannot`). */
export const GENERIC_CAPABILITIES = {
  can: ["Answer questions about the source, each with a verbatim quote and a link to it"],
  cannot: ["Answer anything the source does not say", "Generate text: every answer is curated and cited"],
};
