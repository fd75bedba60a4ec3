import { runRepl } from "../adapters/repl/index.js";
import { createLogger, parseLogLevel } from "../chat/index.js";
import { configError } from "../src/index.js";
import { composeBot } from "./compose.js";
import { parseConfig } from "./config.js";
import { installSafetyNet } from "./safety-net.js";

/** How long questions in flight may take to finish at shutdown, inside the 5 s the process allows itself. */
const SHUTDOWN_BUDGET_MS = 3_000;

interface Running {
  name: string;
  stop(): Promise<void>;
}

/**
 * `start`, `slack`, `discord`, `discord deploy`: parse the whole configuration before connecting
 * anywhere, compose the bot once, start the adapters on it, and shut down cleanly on SIGINT/SIGTERM
 * (finishing the questions in flight within the budget, exit 0 within 5 s).
 */
export async function runBots(
  command: "start" | "slack" | "discord",
  rest: string[],
  knowledgePath: string,
  print: (line: string) => void,
): Promise<number> {
  const env = process.env;
  const wantSlack = command === "slack" || (command === "start" && Boolean(env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN));
  const wantDiscord = command === "discord" || (command === "start" && Boolean(env.DISCORD_TOKEN));
  const parsed = parseConfig(env, { slack: wantSlack, discord: wantDiscord });
  const logger = createLogger({ level: parseLogLevel(env.LOG_LEVEL) });
  logger.redact(...parsed.secrets);
  if (!parsed.ok) throw configError(parsed.problems);
  const config = parsed.config;

  if (command === "discord" && rest[0] === "deploy") {
    const { deployDiscord } = await import("../adapters/discord/index.js");
    await deployDiscord({ env, logger, print });
    return 0;
  }
  if (!wantSlack && !wantDiscord) {
    print("No Slack or Discord credentials are configured (see .env.example): opening the local REPL.");
    // The terminal is the REPL's screen: the per-question log lines stay out of it unless LOG_LEVEL asks.
    const quiet = createLogger({ level: env.LOG_LEVEL ? parseLogLevel(env.LOG_LEVEL) : "warn" });
    quiet.redact(...parsed.secrets);
    const bot = await composeBot({ knowledgePath, config, logger: quiet, watch: true });
    await runRepl(bot);
    await bot.close();
    return 0;
  }
  // No request, envelope or library bug may end the process: log it (scrubbed) and keep serving.
  installSafetyNet(logger);
  const bot = await composeBot({ knowledgePath, config, logger, watch: true });
  const running: Running[] = [];
  try {
    if (config.slack) {
      const { startSlack } = await import("../adapters/slack/index.js");
      const slack = await startSlack({
        pipeline: bot.pipeline,
        engine: bot.engine,
        config: config.slack,
        logger,
        health: () => ({ loadedAt: bot.loadedAt() }),
      });
      running.push({ name: "slack", stop: () => slack.stop() });
    }
    if (config.discord) {
      const { startDiscord } = await import("../adapters/discord/index.js");
      const discord = await startDiscord({ pipeline: bot.pipeline, engine: bot.engine, config: config.discord, logger });
      running.push({ name: "discord", stop: () => discord.stop() });
    }
  } catch (err) {
    await Promise.allSettled(running.map((r) => r.stop()));
    await bot.close();
    throw err;
  }
  logger.info("roadmap-bot started", { adapters: running.map((r) => r.name), facts: bot.engine().factCount, store: bot.store.kind });

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info("shutting down", { signal });
      const deadline = setTimeout(() => {
        logger.warn("shutdown took too long; exiting", { inFlight: bot.pipeline.inFlight });
        resolve();
      }, 4500);
      deadline.unref();
      // The adapters stop taking events while the pipeline finishes what it can within the budget
      // and hands the rest back (released and logged, one line each): nothing acknowledged is
      // dropped silently.
      Promise.allSettled([...running.map((r) => r.stop()), bot.pipeline.drain(SHUTDOWN_BUDGET_MS)])
        .then(() => bot.close())
        .then(() => {
          clearTimeout(deadline);
          resolve();
        });
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  // Sockets a library leaves open must not keep the process alive after a clean stop.
  setTimeout(() => process.exit(0), 200).unref();
  return 0;
}
