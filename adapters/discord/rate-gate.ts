import type { Logger, RateLimiter } from "../../chat/index.js";

/** What to do with one user's message or interaction. */
export type RateVerdict = "serve" | "tell" | "hush";

// A shared limiter (Redis) that hangs must not hold an interaction past Discord's 3 s.
const TAKE_TIMEOUT_MS = 1_000;

/**
 * Asks the per-user limiter whether to serve: "serve" answers, "tell" is the first refusal of a run
 * (say once that the user is going too fast), "hush" is every later refusal. A limiter that fails or
 * is slow lets the message through: an outage of the limiter must not silence the bot.
 *
 * @example
 * if ((await rateVerdict(limiter, interaction.user.id, logger)) !== "serve") return; // told once
 */
export async function rateVerdict(limiter: RateLimiter | undefined, userId: string, logger: Logger): Promise<RateVerdict> {
  if (!limiter) return "serve";
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), TAKE_TIMEOUT_MS);
    });
    // Keyed by platform too, so a limiter shared with Slack never mixes up two users' budgets.
    const decision = await Promise.race([limiter.take(`discord:${userId}`), timeout]);
    if (decision === "timeout") {
      logger.warn("discord rate limiter too slow; serving", { platform: "discord", timeoutMs: TAKE_TIMEOUT_MS });
      return "serve";
    }
    if (decision.allowed) return "serve";
    return decision.firstDenial ? "tell" : "hush";
  } catch (err) {
    logger.warn("discord rate limiter failed; serving", {
      platform: "discord",
      error: logger.scrub(err instanceof Error ? err.message : String(err)),
    });
    return "serve";
  } finally {
    clearTimeout(timer);
  }
}

/** One log line per refused question, the same for slash commands, buttons and mentions. */
export function logRateLimited(logger: Logger, source: string, verdict: RateVerdict, latencyMs: number): void {
  logger.info("discord rate limited", { platform: "discord", source, told: verdict === "tell", latencyMs, outcome: "rate-limited" });
}
