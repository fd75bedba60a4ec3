/**
 * Remembers recently seen keys (event ids, channel+ts) so each Slack event is answered once, in
 * bounded memory: a Map keeps insertion order, so the oldest key is the first one, and also expires
 * after `ttlMs` (Slack retries within minutes; after that a key is only weight).
 */
export interface Dedup {
  /** True the first time any of `keys` is seen (and records all of them); false for a repeat. */
  firstTime(...keys: (string | undefined)[]): boolean;
  readonly size: number;
}

export function createDedup(maxEntries = 10_000, ttlMs = 60 * 60 * 1000, now = () => Date.now()): Dedup {
  const seen = new Map<string, number>();
  const evict = (t: number) => {
    for (const [key, at] of seen) {
      if (seen.size <= maxEntries && t - at < ttlMs) break;
      seen.delete(key);
    }
  };
  return {
    firstTime(...keys) {
      const t = now();
      const present = keys.filter((k): k is string => typeof k === "string" && k !== "");
      // Check every key before recording any, so app_mention and message for one post collide.
      const repeat = present.some((k) => {
        const at = seen.get(k);
        return at !== undefined && t - at < ttlMs;
      });
      for (const k of present) {
        seen.delete(k);
        seen.set(k, t);
      }
      evict(t);
      return !repeat;
    },
    get size() {
      return seen.size;
    },
  };
}
