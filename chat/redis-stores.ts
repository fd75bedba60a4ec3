/**
 * Redis-backed stores for several bot processes behind one endpoint: event dedup (SET NX EX), a
 * per-user token bucket (one Lua script, so read-refill-take is atomic across processes) and
 * conversation context (GET / SET EX of the engine's plain-JSON snapshot).
 *
 * When Redis does not answer within a short deadline, each call falls back to this process's
 * in-memory store and logs a warning: the bot keeps serving (at worst a retried event could be
 * answered by two processes while Redis is down), rather than going silent.
 */
import { createClient } from "redis";
import type { ConversationSnapshot } from "../src/index.js";
import type { Logger } from "./logger.js";
import type { RateDecision, RateLimiter } from "./rate-limit.js";
import type { ContextStore, EventDedup, RateSettings, SharedStores } from "./stores.js";

// Sets every key that is not set yet; 1 when none was set before (a first sighting), else 0.
const DEDUP_SCRIPT = `
local fresh = 1
for _, key in ipairs(KEYS) do
  if not redis.call('SET', key, '1', 'NX', 'EX', ARGV[1]) then fresh = 0 end
end
return fresh`;

// The same bucket as src/rate-limit.ts, with Redis's clock so that processes agree on time.
const BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'denied')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
local denied = b[3] == '1'
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * refill)
local allowed, first = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  denied = false
  allowed = 1
else
  if not denied then first = 1 end
  denied = true
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now), 'denied', denied and '1' or '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {allowed, first}`;

export interface RedisStoresOptions {
  url: string;
  logger: Logger;
  /** Prefix for every key, e.g. "roadmap-bot:slack:". */
  prefix: string;
  /** Token bucket settings for the shared limiter; undefined: no shared limiter. */
  rate?: RateSettings;
  /** An injected limiter (tests): used as is instead of the shared bucket. */
  limiter?: RateLimiter;
  /** What to use when a Redis call fails or is late. */
  fallback: { dedup: EventDedup; limiter: RateLimiter | undefined };
  /** How long an event id is remembered (Slack retries within minutes). Default 1 hour. */
  dedupTtlSeconds?: number;
  /** A conversation's context expires after this idle time. Default 30 minutes, as in the engine. */
  contextTtlSeconds?: number;
  /** Deadline for one Redis call before falling back. Default 1000 ms. */
  commandTimeoutMs?: number;
  /** Deadline for the first connection. Default 5000 ms. */
  connectTimeoutMs?: number;
}

/** Connects (bounded) and returns the stores; throws an Error naming host:port, never the password. */
export async function connectRedisStores(o: RedisStoresOptions): Promise<SharedStores> {
  const timeout = o.commandTimeoutMs ?? 1000;
  const where = describeUrl(o.url);
  let lastWarn = 0;
  const warn = (what: string, error: unknown) => {
    // At most one line a second: a Redis outage must not flood the logs.
    if (Date.now() - lastWarn < 1000) return;
    lastWarn = Date.now();
    o.logger.warn(`redis ${what} failed; using this process's memory`, { redis: where, error: o.logger.scrub(message(error)) });
  };
  const client = createClient({
    url: o.url,
    // Fail fast while disconnected, so a reply falls back instead of waiting for a reconnect.
    disableOfflineQueue: true,
    socket: { connectTimeout: o.connectTimeoutMs ?? 5000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000) },
  });
  client.on("error", (error: unknown) => warn("connection", error));
  try {
    await bounded(client.connect(), o.connectTimeoutMs ?? 5000);
  } catch (error) {
    client.destroy();
    throw new Error(`Could not reach Redis at ${where} (REDIS_URL): ${o.logger.scrub(message(error))}`);
  }
  o.logger.info("redis stores connected", { redis: where });

  const shas = new Map<string, string>();
  const run = async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    const sha = shas.get(script);
    if (sha) {
      try {
        return await client.sendCommand(["EVALSHA", sha, String(keys.length), ...keys, ...args], { timeout });
      } catch (error) {
        if (!message(error).includes("NOSCRIPT")) throw error;
      }
    }
    const loaded = String(await client.sendCommand(["SCRIPT", "LOAD", script], { timeout }));
    shas.set(script, loaded);
    return client.sendCommand(["EVALSHA", loaded, String(keys.length), ...keys, ...args], { timeout });
  };

  const dedupTtl = String(o.dedupTtlSeconds ?? 3600);
  const dedup: EventDedup = {
    async firstTime(...keys) {
      const present = keys.filter((k): k is string => typeof k === "string" && k !== "");
      if (present.length === 0) return true;
      try {
        return (
          Number(
            await run(
              DEDUP_SCRIPT,
              present.map((k) => `${o.prefix}seen:${k}`),
              [dedupTtl],
            ),
          ) === 1
        );
      } catch (error) {
        warn("dedup", error);
        return o.fallback.dedup.firstTime(...keys);
      }
    },
  };

  const rate = o.rate;
  const limiter: RateLimiter | undefined =
    o.limiter ??
    (rate && {
      async take(key: string): Promise<RateDecision> {
        // Idle long enough to refill completely: the key can go (a missing key is a full bucket).
        const ttlMs = String(Math.ceil((rate.capacity / rate.refillPerSecond) * 1000) + 60_000);
        try {
          const reply = (await run(
            BUCKET_SCRIPT,
            [`${o.prefix}rate:${key}`],
            [String(rate.capacity), String(rate.refillPerSecond), ttlMs],
          )) as unknown[];
          return { allowed: Number(reply[0]) === 1, firstDenial: Number(reply[1]) === 1 };
        } catch (error) {
          warn("rate limit", error);
          return o.fallback.limiter ? o.fallback.limiter.take(key) : { allowed: true, firstDenial: false };
        }
      },
    });

  const contextTtl = o.contextTtlSeconds ?? 30 * 60;
  const context: ContextStore = {
    async load(id) {
      try {
        const raw = await client.sendCommand(["GET", `${o.prefix}context:${id}`], { timeout });
        return typeof raw === "string" ? (JSON.parse(raw) as ConversationSnapshot) : undefined;
      } catch (error) {
        warn("context load", error);
        return undefined;
      }
    },
    async save(id, snapshot) {
      try {
        await client.sendCommand(["SET", `${o.prefix}context:${id}`, JSON.stringify(snapshot), "EX", String(contextTtl)], { timeout });
      } catch (error) {
        warn("context save", error);
      }
    },
  };

  let closing: Promise<void> | undefined;
  return {
    kind: "redis",
    dedup,
    limiter,
    context,
    close() {
      closing ??= bounded(client.close(), 2000).catch(() => client.destroy());
      return closing;
    },
  };
}

/** host:port of a Redis URL, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

const message = (error: unknown) => String((error as { message?: unknown })?.message ?? error);

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
