/**
 * The state a chat adapter shares between processes, behind small ports: which events were already
 * answered, each user's rate budget, and each conversation's context. In memory by default; in
 * Redis when REDIS_URL is set (see redis-stores.ts), so several processes behind one load balancer
 * answer each event once and a follow-up can land on any of them.
 */
import type { ConversationSnapshot } from "../src/index.js";
import type { Logger } from "./logger.js";
import type { RateLimiter } from "./rate-limit.js";
import { RATE_LIMIT_DEFAULTS, rateLimiterFromEnv } from "./rate-limit.js";

/** Remembers event keys: true the first time any of `keys` is seen (all are recorded). */
export interface EventDedup {
  firstTime(...keys: (string | undefined)[]): boolean | Promise<boolean>;
}

/** Conversation context as plain JSON, loaded before an answer and saved after it. */
export interface ContextStore {
  load(conversationId: string): Promise<ConversationSnapshot | undefined>;
  save(conversationId: string, snapshot: ConversationSnapshot): Promise<void>;
}

export interface SharedStores {
  kind: "memory" | "redis";
  dedup: EventDedup;
  /** Undefined when rate limiting is off (RATE_LIMIT_BURST=off). */
  limiter: RateLimiter | undefined;
  /** Undefined in memory: the engine keeps context itself. */
  context?: ContextStore;
  /** Closes connections (after replies in flight have finished). */
  close(): Promise<void>;
}

/** Token bucket settings from RATE_LIMIT_BURST / RATE_LIMIT_PER_SECOND, with the core's defaults. */
export interface RateSettings {
  capacity: number;
  refillPerSecond: number;
}

// The core's defaults, so the Redis bucket and the in-memory one agree.
const DEFAULT_RATE: RateSettings = Object.freeze({ capacity: RATE_LIMIT_DEFAULTS.burst, refillPerSecond: RATE_LIMIT_DEFAULTS.perSecond });

export function rateSettingsFromEnv(env: Record<string, string | undefined>): RateSettings | undefined {
  if (env.RATE_LIMIT_BURST?.trim() === "off") return undefined;
  return {
    capacity: Number(env.RATE_LIMIT_BURST) || DEFAULT_RATE.capacity,
    refillPerSecond: Number(env.RATE_LIMIT_PER_SECOND) || DEFAULT_RATE.refillPerSecond,
  };
}

/**
 * Problems with REDIS_URL and the rate limit variables, each naming the variable, never its value
 * (a Redis URL can carry a password).
 */
export function sharedConfigProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const redis = env.REDIS_URL?.trim();
  if (redis && !(URL.canParse(redis) && /^rediss?:$/.test(new URL(redis).protocol))) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379");
  }
  const burst = env.RATE_LIMIT_BURST?.trim();
  if (burst && burst !== "off" && !(Number.isInteger(Number(burst)) && Number(burst) >= 1)) {
    problems.push('RATE_LIMIT_BURST must be a whole number of messages (at least 1), or "off"');
  }
  const rate = env.RATE_LIMIT_PER_SECOND?.trim();
  if (rate && !(Number.isFinite(Number(rate)) && Number(rate) > 0)) {
    problems.push("RATE_LIMIT_PER_SECOND must be a positive number (tokens added per second)");
  }
  return problems;
}

/** The password in REDIS_URL (raw and decoded), for the logger's redact list. */
export function redisSecrets(env: Record<string, string | undefined>): string[] {
  const url = env.REDIS_URL?.trim();
  if (!url || !URL.canParse(url)) return [];
  const { password } = new URL(url);
  return password ? [password, decodeURIComponent(password)] : [];
}

export interface StoresOptions {
  env: Record<string, string | undefined>;
  logger: Logger;
  /** The in-memory dedup to use (and to fall back on when Redis does not answer). */
  memoryDedup: EventDedup;
  /** An injected limiter wins over the environment; null turns limiting off. */
  limiter?: RateLimiter | null;
  /** Prefix for every Redis key, e.g. "roadmap-bot:slack:". */
  prefix: string;
}

/** In memory without REDIS_URL; Redis-backed (connected, or an Error naming the host) with it. */
export async function storesFromEnv(options: StoresOptions): Promise<SharedStores> {
  const { env, memoryDedup } = options;
  const memoryLimiter = options.limiter === null ? undefined : (options.limiter ?? rateLimiterFromEnv(env));
  if (!env.REDIS_URL?.trim()) {
    return { kind: "memory", dedup: memoryDedup, limiter: memoryLimiter, close: async () => undefined };
  }
  // Loaded only when asked for: a single process never loads the Redis client.
  const { connectRedisStores } = await import("./redis-stores.js");
  return connectRedisStores({
    url: env.REDIS_URL.trim(),
    logger: options.logger,
    prefix: options.prefix,
    rate: options.limiter === undefined ? rateSettingsFromEnv(env) : undefined,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    fallback: { dedup: memoryDedup, limiter: memoryLimiter },
  });
}
