/** Starts the real Slack adapter (real Bolt, real engine) against the loopback fake Slack. */

import { type SlackHandle, startSlack } from "../../adapters/slack/index.js";
import { loadKnowledgeFile } from "../../app/knowledge-file.js";
import { DEFAULT_KNOWLEDGE_PATH } from "../../app/knowledge-path.js";
import type { PipelineOptions, RateLimiter } from "../../chat/index.js";
import { createLogger, type Logger } from "../../chat/logger.js";
import { createEngine, type Engine } from "../../src/index.js";
import { testPipeline } from "./bot.js";
import { type FakeSlack, SECRETS, startFakeSlack } from "./slack-fake.js";

export { SECRETS } from "./slack-fake.js";

let engine: Engine | undefined;
/** The real engine on the real knowledge file (loaded once per test file). */
export function realEngine(): Engine {
  engine ??= createEngine({ knowledge: loadKnowledgeFile(DEFAULT_KNOWLEDGE_PATH) });
  return engine;
}

export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", write: (line) => lines.push(line) });
  return { logger, lines };
}

export interface Harness {
  fake: FakeSlack;
  /** The adapter alone (stop() stops it and then the fake). */
  bot: SlackHandle;
  lines: string[];
  stop(): Promise<void>;
  /** HTTP mode: the adapter's base URL, e.g. http://127.0.0.1:PORT */
  base?: string;
  events: string;
}

export async function startHarness(
  mode: "http" | "socket",
  extraEnv: Record<string, string> = {},
  engine: Engine = realEngine(),
  options: { rateLimiter?: RateLimiter | null; onUnanswered?: PipelineOptions["onUnanswered"]; webApiTimeoutMs?: number } = {},
): Promise<Harness> {
  const fake = await startFakeSlack();
  const { logger, lines } = captureLogger();
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: SECRETS.bot,
    SLACK_PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    ...(mode === "socket" ? { SLACK_APP_TOKEN: SECRETS.app } : { SLACK_SIGNING_SECRET: SECRETS.signing }),
    ...extraEnv,
  };
  try {
    const { pipeline, store } = await testPipeline(engine, env, logger, options.rateLimiter, options.onUnanswered);
    const started = await startSlack({
      pipeline,
      engine: () => engine,
      env,
      logger,
      host: "127.0.0.1",
      ...(options.webApiTimeoutMs ? { webApiTimeoutMs: options.webApiTimeoutMs } : {}),
    });
    const bot = {
      ...started,
      stop: async () => {
        await started.stop();
        await store.close();
      },
    };
    const base = bot.port !== undefined ? `http://127.0.0.1:${bot.port}` : undefined;
    return {
      fake,
      bot,
      lines,
      base,
      events: `${base}/slack/events`,
      async stop() {
        // The app first, then the fake: Bolt's stop can return before its socket has closed.
        await bot.stop();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

export interface BotOnFake {
  bot: SlackHandle;
  lines: string[];
  /** The adapter's /slack/events URL. */
  events: string;
}

/** Starts one more adapter (HTTP mode) against an existing fake, as a second process would be. */
export async function startBotOn(
  fake: FakeSlack,
  extraEnv: Record<string, string>,
  engine: Engine,
  extra: { leaseMs?: number } = {},
): Promise<BotOnFake> {
  const { logger, lines } = captureLogger();
  const env = {
    SLACK_BOT_TOKEN: SECRETS.bot,
    SLACK_SIGNING_SECRET: SECRETS.signing,
    SLACK_PORT: "0",
    SLACK_API_URL: fake.apiUrl,
    ...extraEnv,
  };
  const { pipeline, store } = await testPipeline(engine, env, logger, undefined, undefined, extra);
  const started = await startSlack({ pipeline, engine: () => engine, env, logger, host: "127.0.0.1" });
  const bot = {
    ...started,
    stop: async () => {
      await started.stop();
      await store.close();
    },
  };
  return { bot, lines, events: `http://127.0.0.1:${bot.port}/slack/events` };
}
