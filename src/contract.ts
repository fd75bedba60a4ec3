/**
 * The engine's whole contract: what goes in (a question and the conversation's previous turn) and
 * what comes out (an Answer that carries its own evidence, and the next turn). Adapters, the chat
 * runtime and the curator's tools depend on these types and on `createEngine` only; nothing here
 * knows about a chat platform, and the engine keeps no state between calls.
 *
 * @example
 * const engine = createEngine({ knowledge });
 * const first = engine.answer("Who leads the push abroad?");
 * // first.answer.kind === "fact"; first.answer.citations[0].quote is the sentence that says so
 * const next = engine.answer("when did he join?", first.turn);
 * // "he" is resolved against the fact just stated: next.answer.evidence.context says so
 */

/** The language of a reply: the language the question was asked in. */
export type Language = "en" | "zh";

/**
 * The answer engine. It never throws for any question text, and keeps nothing between calls: what
 * a conversation needs for follow-ups travels in the `Turn` it returns, which the caller stores.
 */
export interface Engine {
  /**
   * Answers one question (synchronous, a few milliseconds at most). `previous` is the turn the last
   * answer in this conversation returned, so that "tell me more" or "who leads it?" resolve against
   * it; it may come from another process (Redis), so unknown fact ids in it are ignored.
   */
  answer(text: string, previous?: Turn): Answered;
  /** Up to `limit` (default 25, at most 25) questions the knowledge answers that best match a partial question, one per fact. */
  complete(partial: string, limit?: number): string[];
  /** The knowledge's topics, with example questions. */
  topics(): Topic[];
  /** The source and what the bot can and cannot do. */
  about(): About;
  /** How many facts the knowledge holds. */
  readonly factCount: number;
  /** Builds the indexes that are otherwise built on first use (Chinese, autocomplete): for long-running bots. */
  warm(): void;
}

/** What one call of `Engine.answer` returns. */
export interface Answered {
  answer: Answer;
  /** The conversation's state after this answer: pass it to the next call. */
  turn: Turn;
}

/** What the engine needs to remember about a conversation between two questions: plain JSON. */
export interface Turn {
  /** Facts stated in the last answer, most relevant first. */
  lastFactIds: string[];
  /** Every fact already shown in this conversation (for "tell me more"). */
  shown: string[];
  /** The facts offered by the last "which did you mean?" reply, in order ("2" picks the second). */
  choices: string[];
}

/**
 * What the engine returns for a question: platform-neutral data that each adapter renders in its
 * own idiom. Discriminated by `kind`; every kind carries the evidence it was chosen on.
 *
 * @example
 * switch (answer.kind) {
 *   case "fact": case "overview": return show(answer.text, answer.citations);
 *   case "clarify": return ask(answer.text, answer.choices);
 *   default: return say(answer.text);
 * }
 */
export type Answer = FactAnswer | ClarifyAnswer | RefusalAnswer | HelpAnswer | TooLongAnswer;

interface AnswerBase {
  /** The text a user reads (plain text, no markup). */
  text: string;
  language: Language;
  /** Why the answer is what it is: the question's terms, the top fact and the runner-up, the decision. */
  evidence: Evidence;
}

/** One fact (or two, for a two-part question) from the knowledge answered the question. */
export interface FactAnswer extends AnswerBase {
  /** "overview" when the fact is the knowledge's big picture (its `bot.overview`). */
  kind: "fact" | "overview";
  /** The verbatim quotes that support `text`, one per fact stated; never empty. */
  citations: Citation[];
  /** The ids of the facts stated in `text`. */
  factIds: string[];
  /** The estimated probability that this answer is right, 0..1. */
  confidence: number;
  /** Questions about facts related to this one, to offer next. */
  related: string[];
}

/** Two facts matched about equally: the bot asks which was meant. */
export interface ClarifyAnswer extends AnswerBase {
  kind: "clarify";
  /** The candidates, in order; asking a choice's question (or its number) picks it. */
  choices: Choice[];
}

/** The knowledge does not cover the question. */
export interface RefusalAnswer extends AnswerBase {
  kind: "out-of-scope";
  /** Questions the bot can answer: near misses first, then the big picture. */
  suggestions: string[];
}

/** Nothing to answer (an empty message, a greeting, "help"): the reply says what the bot can do. */
export interface HelpAnswer extends AnswerBase {
  kind: "help";
  /** Questions to start with. */
  suggestions: string[];
}

/** The message is longer than the engine's limit; it was not read. */
export interface TooLongAnswer extends AnswerBase {
  kind: "too-long";
  /** The limit, in characters. */
  limit: number;
}

export type AnswerKind = Answer["kind"];

/** True when the answer states facts from the knowledge (with citations). */
export function isFactAnswer(answer: Answer): answer is FactAnswer {
  return answer.kind === "fact" || answer.kind === "overview";
}

/** One option when the engine asks which fact was meant. */
export interface Choice {
  factId: string;
  /** A question that retrieves this fact; ask it to pick this option. */
  question: string;
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
  /** When the source was published, as people say it, e.g. "January 2016"; empty when unknown. */
  date: string;
  /** A link to the quoted passage itself: the source URL plus a text fragment (`#:~:text=…`). */
  url: string;
  /** The plain source URL, without the text fragment. */
  sourceUrl: string;
}

/**
 * How an answer was chosen (the `:why` of the REPL, `ask --explain`): MiniSearch's idea of a result
 * that carries its own match data, for the whole decision.
 */
export interface Evidence {
  /** The question as asked. */
  question: string;
  /** The question's terms after normalising (stems, corrected typos, synonyms). */
  terms: string[];
  /** The top-ranked fact. */
  top?: RankedFact;
  /** The runner-up. */
  runnerUp?: RankedFact;
  /** The probability that the question is one of the knowledge's curated refusals. */
  refusal?: number;
  /** The estimated probability that answering with the top fact is right; answered when ≥ threshold. */
  decision?: number;
  /** The operating point the decision is compared with. */
  threshold: number;
  /** How the previous turn was used, when it was ("a pronoun refers to …"). */
  context?: string;
}

/** Why one fact ranked where it did. */
export interface RankedFact {
  factId: string;
  /** The classifier's probability for this fact (after the shape check): the ranking's score. */
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

/** A topic the bot can talk about (a section of the source), with example questions. */
export interface Topic {
  id: string;
  title: string;
  examples: string[];
}

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
