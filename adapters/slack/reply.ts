import type { ContextStore, Logger, RateDecision, RateLimiter } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import { MESSAGES, slowDown } from "./messages.js";
import { plainMessage, type RenderOptions, render, type SlackMessage } from "./render.js";
import { renderHelp } from "./render-help.js";
import { toQuestion } from "./to-question.js";

/** Where a question came from inside Slack, for logs. */
export type SlackSource = "mention" | "dm" | "command" | "suggestion" | "choice" | "post";

export interface QuestionJob {
  source: SlackSource;
  /** Raw Slack text (markup and entities still in it) or a button's question. */
  text: string;
  conversationId: string;
  /** Whose budget this question spends (team and user), for rate limiting. */
  user: string;
  /** Echo the question above the answer (replies outside a thread: ephemeral or shared). */
  echo?: boolean;
  /** Offer a "Post to channel" button (ephemeral slash command replies). */
  postButton?: boolean;
  /** The asker's Slack user id, credited above an echoed question that everyone sees. */
  asker?: string;
  /** Sends the reply; called again with an apology if answering or sending fails. */
  deliver: (message: SlackMessage) => Promise<unknown>;
}

export interface SlackStats {
  replies: number;
  errors: number;
  helpful: number;
  notHelpful: number;
  /** Questions refused by the rate limiter (each user is told once per run of refusals). */
  limited: number;
}

export interface ReplierStores {
  /** Per-user budget; undefined: no limit. */
  limiter?: RateLimiter | undefined;
  /** Shared conversation context (Redis); undefined: the engine's own memory is enough. */
  context?: ContextStore | undefined;
}

/**
 * Answers one question and delivers the reply, logging one line with outcome and latency. Never
 * throws: a failure is logged (scrubbed of secrets) and answered with a short apology.
 */
export function createReplier(engine: Engine, logger: Logger, stats: SlackStats, stores: ReplierStores = {}) {
  const { limiter, context } = stores;
  const answer = async (text: string, conversationId: string) => {
    // Another process may have answered the last turn: start from the shared context, and save
    // it before the reply goes out, so a follow-up that lands anywhere next sees this answer.
    if (context && engine.importConversation) {
      const snapshot = await context.load(conversationId);
      if (snapshot) engine.importConversation(conversationId, snapshot);
    }
    const result = engine.answer(text, { conversationId, platform: "slack" });
    const snapshot = context && engine.exportConversation?.(conversationId);
    if (context && snapshot) await context.save(conversationId, snapshot);
    return result;
  };

  return async function reply(job: QuestionJob): Promise<void> {
    const started = performance.now();
    // The request is already acknowledged; let the event loop read and acknowledge the requests
    // waiting behind this one before doing the work (Slack's 3 s deadline is on the ack).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const q = toQuestion(job.text);
    let outcome: string = q.isHelp ? "help" : "unknown";
    try {
      const decision = limiter ? await boundedTake(limiter, job.user, logger) : undefined;
      if (decision && !decision.allowed) {
        stats.limited += 1;
        // Told once per run of refusals; after that, silence until the bucket refills.
        if (decision.firstDenial) await job.deliver(plainMessage(slowDown(q.text)));
        logger.info("slack reply", {
          platform: "slack",
          source: job.source,
          outcome: "rate-limited",
          told: decision.firstDenial,
          latencyMs: ms(started),
        });
        return;
      }
      let message: SlackMessage;
      if (q.isHelp) {
        message = renderHelp(engine.about(), engine.topics());
      } else {
        const answered = await answer(q.text, job.conversationId);
        outcome = answered.kind;
        const options: RenderOptions = job.echo ? { question: q.text, postButton: job.postButton === true, asker: job.asker } : {};
        message = render(answered, options);
      }
      await job.deliver(message);
      stats.replies += 1;
      logger.info("slack reply", { platform: "slack", source: job.source, outcome, latencyMs: ms(started) });
      logger.debug("slack question", { platform: "slack", source: job.source, question: q.text });
    } catch (error) {
      stats.errors += 1;
      logger.error("slack reply failed", {
        platform: "slack",
        source: job.source,
        outcome: "error",
        latencyMs: ms(started),
        error: describe(error, logger),
      });
      try {
        await job.deliver(plainMessage(MESSAGES.apology));
      } catch (again) {
        logger.error("slack apology failed", { platform: "slack", error: describe(again, logger) });
      }
    }
  };
}

const LIMITER_DEADLINE_MS = 1000;

/** A limiter that fails or does not answer within a second lets the question through (logged). */
async function boundedTake(limiter: RateLimiter, key: string, logger: Logger): Promise<RateDecision> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<RateDecision>((resolve) => {
    timer = setTimeout(() => resolve(SERVE_ANYWAY), LIMITER_DEADLINE_MS);
  });
  try {
    const decision = await Promise.race([limiter.take(key), late]);
    if (decision === SERVE_ANYWAY) logger.warn("slack rate limiter did not answer in time; serving", { platform: "slack" });
    return decision;
  } catch (error) {
    logger.warn("slack rate limiter failed; serving", { platform: "slack", error: describe(error, logger) });
    return SERVE_ANYWAY;
  } finally {
    clearTimeout(timer);
  }
}
const SERVE_ANYWAY: RateDecision = Object.freeze({ allowed: true, firstDenial: false });

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** An error as a short, scrubbed string: platform errors can carry request details. */
export function describe(error: unknown, logger: Logger): string {
  const e = error as { message?: unknown; code?: unknown; data?: { error?: unknown } };
  const parts = [e?.code, e?.data?.error, e?.message ?? String(error)].filter((p) => p !== undefined && p !== "");
  return logger.scrub(parts.map(String).join(": ")).slice(0, 500);
}
