import { LRUCache } from "lru-cache";

/** The outcome of asking for one message's worth of a user's budget. */
export interface RateDecision {
  allowed: boolean;
  /** True for the first refused message of a run of refusals: tell the user once, not every time. */
  firstDenial: boolean;
}

/**
 * Per-user rate limiting. Async so that a shared store (Redis) can stand behind the same port as
 * the in-memory bucket.
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

/**
 * Defaults: generous for people (nobody types 60 questions at once or two a second for long),
 * strict for scripts and loops that would flood a channel.
 */
export const RATE_LIMIT_DEFAULTS = Object.freeze({ burst: 60, perSecond: 2 });

export interface TokenBucketOptions {
  /** Messages a user may send in a burst. Default RATE_LIMIT_DEFAULTS.burst. */
  capacity?: number;
  /** Tokens added per second. Default RATE_LIMIT_DEFAULTS.perSecond. */
  refillPerSecond?: number;
  /** Users remembered at most (least recently seen go first). Default 50,000. */
  maxKeys?: number;
  now?: () => number;
}

/** An in-memory token bucket per key, bounded in memory. */
export function createTokenBucket(options: TokenBucketOptions = {}): RateLimiter & { size(): number } {
  const capacity = options.capacity ?? RATE_LIMIT_DEFAULTS.burst;
  const refill = options.refillPerSecond ?? RATE_LIMIT_DEFAULTS.perSecond;
  const maxKeys = options.maxKeys ?? 50_000;
  const now = options.now ?? Date.now;
  const buckets = new LRUCache<string, { tokens: number; at: number; denied: boolean }>({ max: maxKeys });
  return {
    async take(key: string): Promise<RateDecision> {
      const t = now();
      const b = buckets.get(key) ?? { tokens: capacity, at: t, denied: false };
      b.tokens = Math.min(capacity, b.tokens + ((t - b.at) / 1000) * refill);
      b.at = t;
      let decision: RateDecision;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        b.denied = false;
        decision = { allowed: true, firstDenial: false };
      } else {
        decision = { allowed: false, firstDenial: !b.denied };
        b.denied = true;
      }
      buckets.set(key, b);
      return decision;
    },
    size: () => buckets.size,
  };
}
