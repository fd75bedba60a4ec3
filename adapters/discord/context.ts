import type { Logger, RateLimiter } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import type { QuestionMemory } from "./question-memory.js";

/** Helpful / not-helpful presses since start, recorded like the Slack adapter's. */
export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
}

/** What every Discord handler needs; built once in client.ts and passed in (no singletons). */
export interface HandlerContext {
  engine: Engine;
  logger: Logger;
  questions: QuestionMemory;
  feedback: FeedbackCounts;
  /** Interactions not answered within this many ms are deferred (Discord allows 3 s). */
  deferAfterMs: number;
  /** Per-user budget for questions and commands (not autocomplete); none means no limit. */
  limiter?: RateLimiter;
}

/** The engine's conversation id for a Discord user in a channel (or DM). */
export function conversationId(channelId: string | null, userId: string): string {
  return `discord:${channelId ?? "unknown"}:${userId}`;
}

/** Milliseconds since `start` (from performance.now()), rounded for logs. */
export function since(start: number): number {
  return Math.round(performance.now() - start);
}
