/** The chat runtime as the app composes it, for tests that start an adapter on their own. */
import { parseConfig } from "../../app/config.js";
import {
  connectRedisStore,
  createLogger,
  createMemoryStore,
  createPipeline,
  type Logger,
  type Pipeline,
  type PipelineOptions,
  type RateLimiter,
  STORE_DEFAULTS,
  type StateStore,
} from "../../chat/index.js";
import type { Engine } from "../../src/index.js";

/**
 * A pipeline and its store from a test's environment (RATE_LIMIT_*, REDIS_URL), as `composeBot`
 * builds them. `limiter` injects a rate limiter instead (null: none).
 */
export async function testPipeline(
  engine: Engine,
  env: Record<string, string | undefined>,
  logger: Logger,
  limiter?: RateLimiter | null,
  onUnanswered?: PipelineOptions["onUnanswered"],
  extra: { leaseMs?: number } = {},
): Promise<{ pipeline: Pipeline; store: StateStore }> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  const { limits, redisUrl } = parsed.config;
  const base = redisUrl ? await connectRedisStore({ url: redisUrl, logger, prefix: "roadmap-bot:", limits }) : createMemoryStore(limits);
  const store: StateStore =
    limiter === undefined
      ? base
      : {
          kind: base.kind,
          claim: (keys, leaseMs) => base.claim(keys, leaseMs),
          complete: (keys) => base.complete(keys),
          release: (keys) => base.release(keys),
          take: (user) => (limiter ? limiter.take(user) : Promise.resolve({ allowed: true, firstDenial: false })),
          load: (c) => base.load(c),
          save: (c, t) => base.save(c, t),
          close: () => base.close(),
        };
  return { pipeline: createPipeline({ engine: () => engine, store, logger, ...(onUnanswered && { onUnanswered }), ...extra }), store };
}

/** A pipeline in memory with no rate limit, and the engine accessor: what `startSlack` / `startDiscord` take. */
export function botParts(engine: Engine, logger: Logger = createLogger({ level: "silent" })): { pipeline: Pipeline; engine: () => Engine } {
  const store = createMemoryStore({ ...STORE_DEFAULTS, rate: undefined });
  return { pipeline: createPipeline({ engine: () => engine, store, logger }), engine: () => engine };
}
