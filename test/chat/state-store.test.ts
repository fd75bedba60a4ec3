import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedisStore, createLogger, createMemoryStore, STORE_DEFAULTS, type StateStore, type StoreLimits } from "../../chat/index.js";
import { HAS_REDIS, NO_REDIS_MESSAGE, type RedisServer, startRedisServer } from "../helpers/redis-server.js";

const LIMITS: StoreLimits = { ...STORE_DEFAULTS, rate: { burst: 2, perSecond: 0.001 } };
const turn = { lastFactIds: ["a"], shown: ["a"], choices: [] };

/** One suite for every StateStore: memory and Redis must behave the same. */
function suite(name: string, open: () => Promise<StateStore>) {
  describe(`${name} state store`, () => {
    let store: StateStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("claim: once per delivery; any shared key makes a repeat, leased or done", async () => {
      const id = `${Math.random()}`;
      expect(await store.claim([`e1:${id}`, `post:${id}`], 60_000)).toBe(true);
      expect(await store.claim([`e1:${id}`], 60_000)).toBe(false);
      expect(await store.claim([`e2:${id}`, `post:${id}`], 60_000)).toBe(false);
      await store.complete([`e1:${id}`, `post:${id}`]);
      expect(await store.claim([`e1:${id}`], 60_000)).toBe(false);
      expect(await store.claim([`e3:${id}`], 60_000)).toBe(true);
    });

    it("a lapsed lease lets a retry take over (the process died mid-answer); a released one at once", async () => {
      const id = `${Math.random()}`;
      expect(await store.claim([`crash:${id}`], 100)).toBe(true);
      expect(await store.claim([`crash:${id}`], 100)).toBe(false);
      await new Promise((r) => setTimeout(r, 250));
      expect(await store.claim([`crash:${id}`], 100)).toBe(true);
      expect(await store.claim([`back:${id}`], 60_000)).toBe(true);
      await store.release([`back:${id}`]);
      expect(await store.claim([`back:${id}`], 60_000)).toBe(true);
      // Release never undoes an answered delivery.
      await store.complete([`back:${id}`]);
      await store.release([`back:${id}`]);
      expect(await store.claim([`back:${id}`], 60_000)).toBe(false);
    });

    it("take: a burst, then one told refusal, then silent refusals", async () => {
      const user = `u:${Math.random()}`;
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await store.take(user));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, false]);
      expect(decisions.map((d) => d.firstDenial)).toEqual([false, false, true, false]);
      expect((await store.take(`other:${Math.random()}`)).allowed).toBe(true);
    });

    it("load and save a conversation's turn", async () => {
      const key = `c:${Math.random()}`;
      expect(await store.load(key)).toBeUndefined();
      await store.save(key, turn);
      expect(await store.load(key)).toEqual(turn);
    });
  });
}

suite("memory", async () => createMemoryStore(LIMITS));

describe.skipIf(!HAS_REDIS)("redis", () => {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  suite("redis", async () =>
    connectRedisStore({ url: server?.url ?? "", logger: createLogger({ level: "silent" }), prefix: `t${Date.now()}:`, limits: LIMITS }));

  it("falls back to memory, within its deadline, when Redis accepts connections and never answers", async () => {
    const store = await connectRedisStore({
      url: server?.url ?? "",
      logger: createLogger({ level: "silent" }),
      prefix: "hang:",
      limits: LIMITS,
      callTimeoutMs: 200,
    });
    await server?.pause(1500);
    const started = Date.now();
    expect(await store.claim([`k${Math.random()}`], 1000)).toBe(true);
    expect((await store.take("u")).allowed).toBe(true);
    expect(Date.now() - started).toBeLessThan(1400);
    await store.close();
  });
});

if (!HAS_REDIS) console.warn(NO_REDIS_MESSAGE);
