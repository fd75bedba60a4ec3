import type { Logger, Pipeline, Reply } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import type { QuestionMemory } from "./question-memory.js";
import { type DiscordReply, renderAnswer, renderText } from "./render.js";

/** What every Discord handler needs; built once in client.ts and passed in (no singletons). */
export interface HandlerContext {
  pipeline: Pipeline;
  /** The engine in use, for autocomplete, /topics and /about (a function: hot reload swaps it). */
  engine: () => Engine;
  logger: Logger;
  questions: QuestionMemory;
  /** Interactions not answered within this many ms are deferred (Discord allows 3 s). */
  deferAfterMs: number;
}

/** A pipeline reply in Discord's idiom; the buttons' questions are remembered for their presses. */
export function toDiscord(ctx: HandlerContext, reply: Reply): DiscordReply {
  if (reply.type === "notice") return renderText(reply.text);
  const rendered = renderAnswer(reply.answer);
  ctx.questions.remember(rendered.questions);
  return rendered;
}

/** Milliseconds since `start` (from performance.now()), rounded for logs. */
export function since(start: number): number {
  return Math.round(performance.now() - start);
}
