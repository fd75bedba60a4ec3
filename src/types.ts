/**
 * The public contract of the roadmap-bot core. Adapters (Slack, Discord, REPL, CLI) depend on these
 * types and on `createEngine` only; nothing here knows about any chat platform.
 */

/** Where a question came from. Used for logs and the unanswered log, never for matching. */
export type Platform = "slack" | "discord" | "repl" | "cli" | "test";

/** Options that go with one question. */
export interface AskOptions {
  /**
   * Identifies a conversation (a Slack thread or DM, a Discord channel+user, a REPL session) so that
   * follow-ups ("tell me more", "who leads it?") resolve against what was just discussed.
   */
  conversationId?: string;
  /** Where the question came from. */
  platform?: Platform;
}

/** One cited passage: a verbatim quote from a source, with where to read it. */
export interface Citation {
  /** The id of the fact this quote supports. */
  factId: string;
  /** The supporting sentence, copied verbatim from the source (`[…]` marks an elision). */
  quote: string;
  /** Source title, e.g. "Our plans for 2016". */
  title: string;
  /** Source publisher, e.g. "The Daily Planet". */
  publisher: string;
  /** Source author, e.g. "Lois Lane". */
  author: string;
  /** When the source was published, as people say it, e.g. "January 2016". */
  date: string;
  /**
   * A link to the quoted passage itself: the source URL plus a text fragment (`#:~:text=…`) so that
   * a browser scrolls to and highlights the quote.
   */
  url: string;
  /** The plain source URL, without the text fragment. */
  sourceUrl: string;
}

/** Why an answer is what it is. */
export type AnswerKind =
  /** One fact (or a few) from the knowledge answered the question. */
  | "fact"
  /** The overview fact (the knowledge's `bot.overview`), for "what's the big picture?". */
  | "overview"
  /** Two facts matched about equally: the bot asks which was meant (see `choices`). */
  | "clarify"
  /** The knowledge does not cover the question. */
  | "out-of-scope"
  /** Nothing to answer: an empty message or a greeting; the reply says what the bot can do. */
  | "help"
  /** The message is longer than the configured limit. */
  | "too-long";

/**
 * What the engine returns for a question: platform-neutral data that each adapter renders in its
 * own idiom.
 *
 * @example
 * const a = engine.answer("Where did the company open offices in Europe?");
 * // a.answered === true; a.citations[0].quote is the sentence that says so
 */
export interface Answer {
  /** True only when `answer` states facts from the knowledge. */
  answered: boolean;
  /** The text a user reads (plain text, no markup). */
  answer: string;
  /** The verbatim quotes that support `answer`; empty when `answered` is false. */
  citations: Citation[];
  /** How sure the engine is, 0..1. */
  confidence: number;
  /**
   * Questions the bot can answer, offered when it cannot answer this one or the match is
   * ambiguous; may also hold related questions after a good answer.
   */
  suggestions: string[];
  /** Why the answer is what it is. */
  kind: AnswerKind;
  /** The ids of the facts stated in `answer` (empty when none). */
  factIds: string[];
  /** For `kind: "clarify"`: the candidate questions, in order; answering one picks it. */
  choices?: Choice[];
  /** The language of the reply ("en" or "zh"). */
  language: "en" | "zh";
}

/** One option when the engine asks which fact was meant. */
export interface Choice {
  factId: string;
  /** A question that retrieves this fact; ask it to pick this option. */
  question: string;
}

/** A topic the bot can talk about (a section of the source, the source itself…). */
export interface Topic {
  id: string;
  title: string;
  /** Example questions the bot answers about it. */
  examples: string[];
}

/** Why a fact ranked where it did. */
export interface Evidence {
  factId: string;
  /** The classifier's probability for this fact (after the shape check); the ranking's score. */
  probability: number;
  /** Share of the question's weight that this fact's words explain (unknown words weigh most). */
  coverage: number;
  /** How many names or numbers of the question this fact does not mention. */
  specific: number;
  /** The question asks for a shape of answer (how many, when, who) that this fact's answer lacks. */
  shapeMissed: boolean;
  /** The inverted index's score: nearest curated phrasing and coverage, 0..1. */
  similarity: number;
  /** The heaviest unexplained word over the heaviest explained one (1 or more: the point is elsewhere). */
  missed: number;
  /** The question's terms this fact contains. */
  terms: string[];
}

/** How an answer was chosen, for `:why` and `--explain`. */
export interface Explanation {
  question: string;
  normalised: string[];
  /** The top fact and its evidence. */
  matched?: Evidence;
  /** The runner-up and its evidence. */
  runnerUp?: Evidence;
  /** The classifier's probability that the question is one of the curated refusals. */
  refusal?: number;
  /** The decision: the estimated probability that answering with the top fact is right. */
  decision?: number;
  threshold: number;
  context?: string;
}
