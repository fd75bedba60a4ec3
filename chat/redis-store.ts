/**
 * The StateStore in Redis, for several bot processes behind one endpoint: dedup (SET NX PX), a
 * per-user token bucket (one Lua script, so read-refill-take is atomic across processes) and each
 * conversation's last turn (GET / SET PX of plain JSON).
 *
 * Every call has a deadline kept by our own timer (node-redis's own timeout stops counting once a
 * command is written, so a Redis that accepts TCP and never answers would hold a reply forever).
 * A late or failed call falls back to this process's memory and logs a warning (at most one a
 * second): the bot keeps serving rather than going silent. Dedup keys are also kept in memory while
 * Redis is healthy, so a Redis restarted empty does not make this process answer a retry twice.
 */
import { createClient } from "redis";
import type { Turn } from "../src/index.js";
import type { Logger } from "./logger.js";
import { createMemoryStore, type StateStore, type StoreLimits } from "./state-store.js";

// Leases every key when none is held (a first delivery, or a lapsed lease): 1; a repeat: 0.
const CLAIM_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then return 0 end
end
for _, key in ipairs(KEYS) do
  redis.call('SET', key, 'lease', 'PX', ARGV[1])
end
return 1`;

// Marks every key answered for the dedup window.
const COMPLETE_SCRIPT = `
for _, key in ipairs(KEYS) do
  redis.call('SET', key, 'done', 'PX', ARGV[1])
end
return 1`;

// Gives back the keys still leased (never one marked answered).
const RELEASE_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == 'lease' then redis.call('DEL', key) end
end
return 1`;

// The same bucket as rate-limit.ts, with Redis's clock so that processes agree on time.
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

export interface RedisStoreOptions {
  url: string;
  logger: Logger;
  /** Prefix for every key, e.g. "roadmap-bot:". */
  prefix: string;
  limits: StoreLimits;
  /** Deadline for one Redis call before falling back to memory. Default 500 ms. */
  callTimeoutMs?: number;
  /** Deadline for the first connection. Default 5000 ms. */
  connectTimeoutMs?: number;
}

/** Connects (bounded) and returns the store; throws an Error naming host:port, never the password. */
export async function connectRedisStore(o: RedisStoreOptions): Promise<StateStore> {
  const deadline = o.callTimeoutMs ?? 500;
  const where = describeRedisUrl(o.url);
  const local = createMemoryStore(o.limits);
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
    await within(client.connect(), o.connectTimeoutMs ?? 5000);
  } catch (error) {
    client.destroy();
    throw new Error(`Could not reach Redis at ${where} (REDIS_URL): ${o.logger.scrub(message(error))}`);
  }
  o.logger.info("redis store connected", { redis: where });

  const send = (args: string[]) => within(client.sendCommand(args), deadline);
  const shas = new Map<string, string>();
  const run = async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    const sha = shas.get(script);
    if (sha) {
      try {
        return await send(["EVALSHA", sha, String(keys.length), ...keys, ...args]);
      } catch (error) {
        if (!message(error).includes("NOSCRIPT")) throw error;
      }
    }
    const loaded = String(await send(["SCRIPT", "LOAD", script]));
    shas.set(script, loaded);
    return send(["EVALSHA", loaded, String(keys.length), ...keys, ...args]);
  };
  /** Runs `work` against Redis; on failure or lateness, logs and runs `fallback` in memory. */
  const orLocal = async <T>(what: string, work: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      warn(what, error);
      return fallback();
    }
  };
  const rate = o.limits.rate;
  const key = (kind: string, id: string) => `${o.prefix}${kind}:${id}`;
  /**
   * Completes or releases deliveries: in this process's memory first, then in Redis with `script`
   * (memory alone when Redis is down or late).
   */
  const settle = async (keys: string[], inMemory: (present: string[]) => Promise<void>, script: string, args: string[]) => {
    const present = keys.filter(Boolean);
    if (!present.length) return;
    await inMemory(present);
    await orLocal(
      "dedup",
      async () =>
        void (await run(
          script,
          present.map((k) => key("seen", k)),
          args,
        )),
      async () => undefined,
    );
  };

  let closing: Promise<void> | undefined;
  return {
    kind: "redis",
    async claim(keys, leaseMs) {
      const present = keys.filter(Boolean);
      if (!present.length) return true;
      // Held here already: a repeat, whatever Redis says (it may have restarted empty).
      if (!(await local.claim(present, leaseMs))) return false;
      return orLocal(
        "dedup",
        async () =>
          Number(
            await run(
              CLAIM_SCRIPT,
              present.map((k) => key("seen", k)),
              [String(leaseMs)],
            ),
          ) === 1,
        // Redis is down: this process's claim stands (at worst another process answers it too).
        async () => true,
      );
    },
    complete: (keys) => settle(keys, (present) => local.complete(present), COMPLETE_SCRIPT, [String(o.limits.dedupMs)]),
    release: (keys) => settle(keys, (present) => local.release(present), RELEASE_SCRIPT, []),
    async take(user) {
      if (!rate) return { allowed: true, firstDenial: false };
      // Idle long enough to refill completely: the key can go (a missing key is a full bucket).
      const ttlMs = String(Math.ceil((rate.burst / rate.perSecond) * 1000) + 60_000);
      return orLocal(
        "rate limit",
        async () => {
          const reply = (await run(BUCKET_SCRIPT, [key("rate", user)], [String(rate.burst), String(rate.perSecond), ttlMs])) as unknown[];
          return { allowed: Number(reply[0]) === 1, firstDenial: Number(reply[1]) === 1 };
        },
        () => local.take(user),
      );
    },
    async load(conversation) {
      return orLocal(
        "context load",
        async () => {
          const raw = await send(["GET", key("turn", conversation)]);
          return typeof raw === "string" ? (JSON.parse(raw) as Turn) : undefined;
        },
        () => local.load(conversation),
      );
    },
    async save(conversation, turn) {
      await local.save(conversation, turn);
      await orLocal(
        "context save",
        async () => void (await send(["SET", key("turn", conversation), JSON.stringify(turn), "PX", String(o.limits.conversationIdleMs)])),
        async () => undefined,
      );
    },
    close() {
      closing ??= within(client.close(), 2000).catch(() => client.destroy());
      return closing;
    },
  };
}

/** host:port of a Redis URL, without user or password. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "6379"}`;
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

const message = (error: unknown) => String((error as { message?: unknown })?.message ?? error);

/** `work`, or a rejection after `ms` by our own timer. */
export function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
