/**
 * The one path of a question, for every platform:
 *
 *   dedup → rate limit → load the conversation's turn → engine → save the turn → send → log
 *
 * An adapter turns a platform event into a `Question` (its pure `toQuestion`), calls `ask` with a
 * `send` that renders and posts a `Reply` in its idiom, and does nothing else. Every accepted
 * question ends in an answer or an apology the user sees, or, when even that cannot be posted, in a
 * logged error: nothing is dropped silently.
 */
import type { Answer, Engine, Language } from "../src/index.js";
import { RoadmapBotError, stripMarkup } from "../src/index.js";
import type { Logger } from "./logger.js";
import { createTokenBucket } from "./rate-limit.js";
import type { StateStore } from "./state-store.js";
import { createTurnQueue } from "./turn-queue.js";
import { languageOf, type Notice, say } from "./wording.js";

export type Platform = "slack" | "discord" | "repl";

/** Where a conversation lives: a place, a thread in it, and whether each user has their own. */
export interface Place {
  /** The channel, DM or session (with its workspace), e.g. "T1:C1". */
  space: string;
  /** A thread inside it, when replies are threaded. */
  thread?: string | undefined;
  /** Set when each user has a conversation of their own in the space (slash commands, Discord). */
  user?: string | undefined;
}

/** One question, as an adapter's `toQuestion` hands it over. */
export interface Question {
  platform: Platform;
  /** What delivered it, for logs: "mention", "dm", "command", "button"… */
  source: string;
  /** The text as typed (platform markup included: the engine reads chat). */
  text: string;
  /** Whose rate budget it spends (a platform user id, with the workspace where ids are per workspace). */
  user: string;
  where: Place;
  /** Ids of this delivery (event id, message id): a repeat of any of them is not answered again. */
  deliveries?: string[];
  /** A refusal must still be answered (Discord interactions fail visibly when left unanswered). */
  mustReply?: boolean;
  /** Answer on its own, without the conversation's context (and leave that context as it was). */
  standalone?: boolean;
}

/** What the pipeline asks an adapter to send: the engine's answer, or one of the bot's own notices. */
export type Reply = { type: "answer"; answer: Answer } | { type: "notice"; notice: Notice; text: string; language: Language };

export interface PipelineStats {
  questions: number;
  replies: number;
  errors: number;
  limited: number;
  duplicates: number;
  helpful: number;
  notHelpful: number;
}

export interface PipelineOptions {
  /** The engine in use (a function: hot reload swaps it). */
  engine: () => Engine;
  store: StateStore;
  logger: Logger;
  /**
   * Every question the engine refused or found ambiguous, markup removed: the curator's log. `user`
   * identifies the asker (platform and user id) so the log can share its space fairly; it must not
   * be written.
   */
  onUnanswered?: (event: { platform: Platform; question: string; kind: Answer["kind"]; user: string }) => void;
  /** Deadline for one store call (default 1000 ms). */
  storeDeadlineMs?: number;
  /** How long a claimed delivery stays leased (default 30 s); tests shorten it. */
  leaseMs?: number;
}

export interface Pipeline {
  /** Answers one question through `send`. Never throws. */
  ask(question: Question, send: (reply: Reply) => Promise<unknown>): Promise<void>;
  /**
   * Autocomplete: up to `limit` questions the knowledge answers that match what `user` has typed so
   * far, one per fact. Each user has a budget of their own (a burst of keystrokes, then a steady
   * typing pace); past it the list is empty, so a flood never costs anyone else time.
   */
  suggest(platform: Platform, user: string, partial: string, limit?: number): Promise<string[]>;
  /** Records a helpful / not-helpful press; returns the thanks to show the presser. */
  feedback(event: { platform: Platform; helpful: boolean; factIds: string[]; language?: Language }): string;
  readonly stats: Readonly<PipelineStats>;
  /** Questions being answered right now. */
  readonly inFlight: number;
  /**
   * Stops taking questions, waits (at most `budgetMs`) for those in flight, then hands back the
   * rest: each one's delivery is released and logged, so nothing acknowledged is dropped silently.
   */
  drain(budgetMs: number): Promise<void>;
}

/** The conversation key of a place: one home for how conversations are told apart. */
export function conversationKey(platform: Platform, where: Place): string {
  return [platform, where.space, ...(where.thread ? [where.thread] : []), ...(where.user ? ["user", where.user] : [])].join(":");
}

export function createPipeline(options: PipelineOptions): Pipeline {
  const { store, logger } = options;
  const stats: PipelineStats = { questions: 0, replies: 0, errors: 0, limited: 0, duplicates: 0, helpful: 0, notHelpful: 0 };
  const working = new Map<Promise<void>, Question>();
  let stopping = false;
  // Autocomplete's own budget per user: typing fast is a few requests a second; 20 covers a burst.
  const typing = createTokenBucket({ capacity: 20, refillPerSecond: 5, maxKeys: 10_000 });
  // One engine job per event-loop turn: acknowledgements and other users' I/O run in between.
  const enqueue = createTurnQueue(1);

  /**
   * A store call with a deadline kept by our own timer. A store that fails or does not answer in
   * time must not silence the bot: the question goes on with `fallback`, and a warning is logged.
   */
  async function bounded<T>(what: string, work: Promise<T>, fallback: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), options.storeDeadlineMs ?? STORE_DEADLINE_MS);
    });
    try {
      const result = await Promise.race([work, late]);
      if (result !== "late") return result;
      logger.warn(`${what} did not answer in time; going on without it`, { deadlineMs: options.storeDeadlineMs ?? STORE_DEADLINE_MS });
    } catch (error) {
      logger.warn(`${what} failed; going on without it`, { error: describe(error, logger) });
    } finally {
      clearTimeout(timer);
    }
    return fallback;
  }

  async function answer(q: Question, send: (reply: Reply) => Promise<unknown>): Promise<void> {
    const started = performance.now();
    const deliveries = q.deliveries?.filter(Boolean) ?? [];
    const log = (outcome: string, extra: Record<string, unknown> = {}) =>
      logger.info("question", { platform: q.platform, source: q.source, outcome, latencyMs: ms(started), ...extra });
    const notice = (n: Notice): Reply => {
      const language = languageOf(q.text);
      return { type: "notice", notice: n, text: say(n, language), language };
    };
    // A store that cannot say lets the question through: at-least-once, never silence.
    if (deliveries.length && !(await bounded("dedup", store.claim(deliveries, options.leaseMs ?? LEASE_MS), true))) {
      stats.duplicates += 1;
      return log("duplicate");
    }
    const handled = () => bounded("dedup", store.complete(deliveries), undefined);
    try {
      stats.questions += 1;
      const budget = await bounded("rate limit", store.take(`${q.platform}:${q.user}`), SERVE_ANYWAY);
      if (!budget.allowed) {
        stats.limited += 1;
        // Told once per run of refusals; after that silence, unless the platform needs a reply.
        if (budget.firstDenial) await send(notice("rateLimited"));
        else if (q.mustReply) await send(notice("stillRateLimited"));
        await handled();
        return log("rate-limited", { told: budget.firstDenial });
      }
      const key = conversationKey(q.platform, q.where);
      const previous = q.standalone ? undefined : await bounded("context load", store.load(key), undefined);
      const { answer: reply, turn } = await enqueue(async () => options.engine().answer(q.text, previous));
      if (!q.standalone) await bounded("context save", store.save(key, turn), undefined);
      if (reply.kind === "out-of-scope" || reply.kind === "clarify")
        options.onUnanswered?.({
          platform: q.platform,
          // Markup gone: no user, channel or role id reaches the curator's log, even inside the text.
          question: stripMarkup(q.text.slice(0, 2000)).replace(/\s+/g, " ").trim(),
          kind: reply.kind,
          user: `${q.platform}:${q.user}`,
        });
      await send({ type: "answer", answer: reply });
      await handled();
      stats.replies += 1;
      log(reply.kind);
      logger.debug("question text", { platform: q.platform, question: q.text });
    } catch (error) {
      stats.errors += 1;
      const unknown = error instanceof RoadmapBotError && error.code === "DELIVERY_UNKNOWN";
      logger.error(unknown ? "reply may not have arrived; not sent again" : "question failed", {
        platform: q.platform,
        source: q.source,
        outcome: "error",
        latencyMs: ms(started),
        error: describe(error, logger),
      });
      // The platform did not say whether the reply arrived: sending anything more could double it.
      if (unknown) return void (await handled());
      try {
        await send(notice("apology"));
        await handled();
      } catch (again) {
        // Not even the apology went out: give the delivery back, so the platform's retry can try again.
        await bounded("dedup", store.release(deliveries), undefined);
        logger.error("apology failed; the question is handed back for a retry", {
          platform: q.platform,
          source: q.source,
          error: describe(again, logger),
        });
      }
    }
  }

  return {
    ask(q, send) {
      if (stopping) {
        // Not accepted: nothing was claimed, so the platform's retry reaches a process that serves.
        logger.warn("question refused: shutting down", { platform: q.platform, source: q.source, outcome: "refused" });
        return Promise.resolve();
      }
      const work = answer(q, send);
      working.set(work, q);
      void work.finally(() => working.delete(work));
      return work;
    },
    async suggest(platform, user, partial, limit = 25) {
      if (!(await typing.take(`${platform}:${user}`)).allowed) return [];
      return options.engine().complete(String(partial ?? "").slice(0, SUGGEST_INPUT_MAX), limit);
    },
    feedback({ platform, helpful, factIds, language }) {
      if (helpful) stats.helpful += 1;
      else stats.notHelpful += 1;
      // Only what identifies the answer: no user id, no question text.
      logger.info("feedback", { platform, outcome: helpful ? "helpful" : "not-helpful", factIds });
      return say("feedbackThanks", language);
    },
    stats,
    get inFlight() {
      return working.size;
    },
    async drain(budgetMs) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, budgetMs);
      });
      await Promise.race([Promise.allSettled([...working.keys()]), late]);
      clearTimeout(timer);
      // What could not finish in the budget is handed back, each with its own log line: its
      // delivery is released, so the platform's retry reaches another process (or this one, restarted).
      for (const q of working.values()) {
        await bounded("dedup", store.release(q.deliveries?.filter(Boolean) ?? []), undefined);
        logger.error("question handed back at shutdown", {
          platform: q.platform,
          source: q.source,
          outcome: "handed-back",
          deliveries: q.deliveries ?? [],
        });
      }
    },
  };
}

/**
 * How long a claimed delivery stays leased: longer than any answer takes, shorter than Slack's
 * first retry after a minute, so a retry after a crash finds the lease lapsed and answers.
 */
const LEASE_MS = 30_000;

/** Autocomplete reads at most this much of what was typed (Discord's option values are at most 100 characters). */
const SUGGEST_INPUT_MAX = 100;

/** How long a store call may take before the question goes on without it (the Redis store has its own, shorter). */
const STORE_DEADLINE_MS = 1000;
const SERVE_ANYWAY = Object.freeze({ allowed: true, firstDenial: false });

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** An error as a short, scrubbed string: platform errors can carry request details. */
export function describe(error: unknown, logger: Logger): string {
  const e = error as { message?: unknown; code?: unknown; data?: { error?: unknown } };
  const parts = [e?.code, e?.data?.error, e?.message ?? String(error)].filter((p) => p !== undefined && p !== "");
  return logger.scrub(parts.map(String).join(": ")).slice(0, 500);
}
