/**
 * The state a bot shares between questions and between processes, behind one port: which deliveries
 * were already taken (dedup), each user's rate budget, and each conversation's last turn. In memory
 * by default; in Redis when REDIS_URL is set (redis-store.ts), so several processes behind one load
 * balancer answer each event once and a follow-up can land on any of them.
 */
import { LRUCache } from "lru-cache";
import type { Turn } from "../src/index.js";
import { createTokenBucket, RATE_LIMIT_DEFAULTS, type RateDecision } from "./rate-limit.js";

export interface StateStore {
  readonly kind: "memory" | "redis";
  /**
   * Claims a delivery for `leaseMs`: true when none of `keys` is held (all are then leased), false
   * for a repeat (done, or leased by a question still being answered). A lease that lapses (the
   * process died mid-answer) lets a retry of the same delivery take over: at-least-once delivery.
   */
  claim(keys: string[], leaseMs: number): Promise<boolean>;
  /** Marks a claimed delivery answered: repeats are refused for the whole dedup window. */
  complete(keys: string[]): Promise<void>;
  /** Gives a claimed delivery back (not answered): a retry may take it at once. */
  release(keys: string[]): Promise<void>;
  /** Spends one message of `user`'s budget. */
  take(user: string): Promise<RateDecision>;
  /** The conversation's last turn, if it is still remembered. */
  load(conversation: string): Promise<Turn | undefined>;
  save(conversation: string, turn: Turn): Promise<void>;
  /** Closes connections. */
  close(): Promise<void>;
}

/** How long and how much the store remembers. */
export interface StoreLimits {
  /** Token bucket per user; undefined: no rate limit. */
  rate: { burst: number; perSecond: number } | undefined;
  /** A delivery key is remembered this long (covers Slack's retries: at once, ~1 min, ~5 min). */
  dedupMs: number;
  /** At most this many delivery keys in memory; the oldest go first when a flood exceeds it. */
  dedupMax: number;
  /** A conversation is forgotten after this long without a question. */
  conversationIdleMs: number;
  /** At most this many conversations in memory; the least recently used go first. */
  conversationsMax: number;
}

export const STORE_DEFAULTS: StoreLimits = Object.freeze({
  rate: RATE_LIMIT_DEFAULTS,
  dedupMs: 10 * 60_000,
  // 10 minutes at 1,000 events a second, two keys each: about 100 bytes a key, so ~120 MB at worst.
  dedupMax: 1_200_000,
  conversationIdleMs: 30 * 60_000,
  conversationsMax: 10_000,
});

const ALWAYS: RateDecision = Object.freeze({ allowed: true, firstDenial: false });

/** This process's memory: bounded by count and by time. */
export function createMemoryStore(limits: StoreLimits = STORE_DEFAULTS, now: () => number = Date.now): StateStore {
  const seen = new LRUCache<string, "lease" | "done">({ max: limits.dedupMax, ttl: limits.dedupMs, ttlAutopurge: false, perf: { now } });
  const turns = new LRUCache<string, Turn>({
    max: limits.conversationsMax,
    ttl: limits.conversationIdleMs,
    updateAgeOnGet: true,
    perf: { now },
  });
  const bucket = limits.rate && createTokenBucket({ capacity: limits.rate.burst, refillPerSecond: limits.rate.perSecond, now });
  return {
    kind: "memory",
    async claim(keys, leaseMs) {
      const present = keys.filter(Boolean);
      // Every key is checked before any is recorded, so two deliveries of one post collide.
      if (present.some((k) => seen.has(k))) return false;
      for (const k of present) seen.set(k, "lease", { ttl: leaseMs });
      return true;
    },
    async complete(keys) {
      for (const k of keys.filter(Boolean)) seen.set(k, "done");
    },
    async release(keys) {
      for (const k of keys.filter(Boolean)) if (seen.get(k) === "lease") seen.delete(k);
    },
    async take(user) {
      return bucket ? bucket.take(user) : ALWAYS;
    },
    async load(conversation) {
      return turns.get(conversation);
    },
    async save(conversation, turn) {
      turns.set(conversation, turn);
    },
    async close() {},
  };
}
