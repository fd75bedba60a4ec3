/**
 * The Redis-backed stores against a real redis-server on 127.0.0.1: dedup, the shared token bucket
 * and conversation context, seen from two connections as two processes would; and falling back to
 * memory when Redis goes away, so the bot keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDedup } from "../../adapters/slack/dedup.js";
import { createLogger, createTokenBucket } from "../../chat/index.js";
import { connectRedisStores, describeUrl, type RedisStoresOptions } from "../../chat/redis-stores.js";
import { type SharedStores, storesFromEnv } from "../../chat/stores.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, type RedisServer, startRedisServer } from "../helpers/redis-server.js";

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);

const lines: string[] = [];
const logger = createLogger({ level: "debug", write: (l) => lines.push(l) });
let server: RedisServer;
const open: SharedStores[] = [];
let n = 0;

const connect = async (extra: Partial<RedisStoresOptions> = {}, url = server.url) => {
  n += 1;
  const stores = await connectRedisStores({
    url,
    logger,
    prefix: `test:${n}:`,
    rate: { capacity: 2, refillPerSecond: 0.001 },
    fallback: { dedup: createDedup(), limiter: undefined },
    ...extra,
  });
  open.push(stores);
  return stores;
};
/** Two "processes": two connections with the same key prefix. */
const pair = async (extra: Partial<RedisStoresOptions> = {}) => {
  const prefix = `pair:${++n}:`;
  return [await connect({ prefix, ...extra }), await connect({ prefix, ...extra })] as const;
};

describe.skipIf(!HAS_REDIS)("Redis stores (real redis-server)", () => {
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.allSettled(open.map((s) => s.close()));
    await server?.stop();
  });

  it("lets an event through once across processes, even when both ask at the same moment", async () => {
    const [a, b] = await pair();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).dedup.firstTime("Ev1")));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.dedup.firstTime("Ev2", "post:C1:1.1")).toBe(true);
    // Another event id for the same post (app_mention + message) is a repeat too.
    expect(await b.dedup.firstTime("Ev3", "post:C1:1.1")).toBe(false);
    expect(await b.dedup.firstTime("Ev3")).toBe(false);
    expect(await a.dedup.firstTime(undefined, "")).toBe(true);
  });

  it("shares each user's token bucket between processes, and tells a limited user once", async () => {
    const [a, b] = await pair();
    if (!a.limiter || !b.limiter) throw new Error("expected limiters");
    const decisions = [
      await a.limiter.take("T:U1"),
      await b.limiter.take("T:U1"),
      await a.limiter.take("T:U1"),
      await b.limiter.take("T:U1"),
    ];
    expect(decisions).toEqual([
      { allowed: true, firstDenial: false },
      { allowed: true, firstDenial: false },
      { allowed: false, firstDenial: true },
      { allowed: false, firstDenial: false },
    ]);
    expect(await b.limiter.take("T:U2")).toEqual({ allowed: true, firstDenial: false });
  });

  it("refills the bucket with time", async () => {
    const [a, b] = await pair({ rate: { capacity: 1, refillPerSecond: 20 } });
    if (!a.limiter || !b.limiter) throw new Error("expected limiters");
    expect((await a.limiter.take("T:U3")).allowed).toBe(true);
    expect(await b.limiter.take("T:U3")).toEqual({ allowed: false, firstDenial: true });
    // 20 tokens a second: one is back within 50 ms; poll rather than sleep a fixed time.
    const deadline = Date.now() + 5000;
    let again = await a.limiter.take("T:U3");
    while (!again.allowed && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      again = await a.limiter.take("T:U3");
    }
    expect(again.allowed).toBe(true);
  });

  it("carries conversation context between processes", async () => {
    const [a, b] = await pair();
    const snapshot = { lastFactIds: ["global-imports"], shown: ["global-imports"], choices: [] };
    expect(await b.context?.load("slack:T:C1:1.1")).toBeUndefined();
    await a.context?.save("slack:T:C1:1.1", snapshot);
    expect(await b.context?.load("slack:T:C1:1.1")).toEqual(snapshot);
  });

  it("uses the injected limiter instead of the shared bucket", async () => {
    const limiter = createTokenBucket({ capacity: 1 });
    const s = await connect({ limiter });
    expect(s.limiter).toBe(limiter);
  });

  it("falls back to memory, quickly, when Redis goes away, and keeps serving", async () => {
    const own = await startRedisServer();
    try {
      const s = await connect({ commandTimeoutMs: 300, rate: { capacity: 1, refillPerSecond: 0.001 } }, own.url);
      expect(await s.dedup.firstTime("EvDown")).toBe(true);
      await own.stop();
      const started = Date.now();
      expect(await s.dedup.firstTime("EvFresh")).toBe(true);
      expect(await s.dedup.firstTime("EvFresh")).toBe(false);
      expect(await s.limiter?.take("T:U9")).toEqual({ allowed: true, firstDenial: false });
      expect(await s.context?.load("slack:T:C9")).toBeUndefined();
      await s.context?.save("slack:T:C9", { lastFactIds: [], shown: [], choices: [] });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(lines.some((l) => l.includes("using this process's memory"))).toBe(true);
    } finally {
      await own.stop();
    }
  });

  it("fails to start with an error naming host and port, never the password", async () => {
    const dead = `redis://:S3CRET-PASSWORD@127.0.0.1:1`;
    const error = await connect({ connectTimeoutMs: 1000 }, dead).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain("127.0.0.1:1");
    expect(String((error as Error).message)).not.toContain("S3CRET");
    expect(describeUrl(dead)).toBe("127.0.0.1:1");
  });
});

describe("stores without REDIS_URL", () => {
  it("stay in memory and never load the Redis client", async () => {
    const memoryDedup = createDedup();
    const s = await storesFromEnv({ env: {}, logger, memoryDedup, prefix: "x:" });
    expect(s.kind).toBe("memory");
    expect(s.dedup).toBe(memoryDedup);
    expect(s.context).toBeUndefined();
    expect(s.limiter).toBeDefined();
    const off = await storesFromEnv({ env: { RATE_LIMIT_BURST: "off" }, logger, memoryDedup, prefix: "x:" });
    expect(off.limiter).toBeUndefined();
    const none = await storesFromEnv({ env: {}, logger, memoryDedup, prefix: "x:", limiter: null });
    expect(none.limiter).toBeUndefined();
  });
});
