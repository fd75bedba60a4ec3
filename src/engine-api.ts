import type { Answer, AskOptions, Explanation, Topic } from "./types.js";

/** What the bot says about itself and its source, for `/about`, `:sources` and App Home. */
export interface About {
  title: string;
  publisher: string;
  author: string;
  date: string;
  url: string;
  /** Short lines: what the bot can do. */
  can: string[];
  /** Short lines: what it cannot do. */
  cannot: string[];
}

/**
 * The answer engine. Adapters hold one and call it; it never throws for any question text.
 *
 * @example
 * const engine = createEngine({ knowledge: loadKnowledgeFile("knowledge/my-article.json") });
 * engine.answer("who leads the international strategy?", { conversationId: "C1:1700000000.0001", platform: "slack" });
 */
export interface Engine {
  /** Answers one question (synchronous, fast). */
  answer(text: string, options?: AskOptions): Answer;
  /** Up to `limit` (default 25) questions the knowledge answers that best match a partial question, for autocomplete. */
  complete(partial: string, limit?: number): string[];
  /** The knowledge's topics, with example questions. */
  topics(): Topic[];
  /** The source and what the bot can and cannot do. */
  about(): About;
  /** How the last answer in this conversation was chosen (for `:why` / `--explain`). */
  explain(conversationId?: string): Explanation | undefined;
  /** How many facts the knowledge holds. */
  readonly factCount: number;
  /**
   * The context of one conversation as plain JSON, and putting it back: lets a shared store (Redis)
   * carry follow-ups across processes. Load it before `answer`, save it after.
   */
  exportConversation?(conversationId: string): ConversationSnapshot | undefined;
  importConversation?(conversationId: string, snapshot: ConversationSnapshot): void;
}

/** A conversation's context as plain JSON (see `Engine.exportConversation`). */
export interface ConversationSnapshot {
  lastFactIds: string[];
  shown: string[];
  choices: string[];
}
