import { runRepl } from "../adapters/repl/index.js";
import { createLogger, parseLogLevel } from "../chat/index.js";
import type { Runtime } from "./runtime.js";
import { installSafetyNet } from "./safety-net.js";

interface Running {
  name: string;
  stop(): Promise<void>;
}

/**
 * `start`, `slack`, `discord`, `discord deploy`: parse each adapter's configuration before
 * connecting anywhere, start them, and shut down cleanly on SIGINT/SIGTERM (exit 0 within 5 s).
 */
export async function runBots(
  command: "start" | "slack" | "discord",
  rest: string[],
  makeRuntime: () => Runtime,
  print: (line: string) => void,
): Promise<number> {
  const env = process.env;
  const logger = createLogger({ level: parseLogLevel(env.LOG_LEVEL) });
  logger.redact(env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, env.DISCORD_TOKEN);

  if (command === "discord" && rest[0] === "deploy") {
    const { deployDiscord } = await import("../adapters/discord/index.js");
    await deployDiscord({ env, logger, print });
    return 0;
  }
  const wantSlack = command === "slack" || (command === "start" && Boolean(env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN));
  const wantDiscord = command === "discord" || (command === "start" && Boolean(env.DISCORD_TOKEN));
  if (!wantSlack && !wantDiscord) {
    print("No Slack or Discord credentials are configured (see .env.example): opening the local REPL.");
    const rt = makeRuntime();
    await runRepl(rt.engine);
    rt.close();
    return 0;
  }
  installSafetyNet(logger);
  const rt = makeRuntime();
  const engine = rt.engine;
  const running: Running[] = [];
  try {
    await startAdapters();
  } catch (err) {
    rt.close();
    await Promise.allSettled(running.map((r) => r.stop()));
    throw err;
  }
  async function startAdapters() {
    if (wantSlack) {
      const { startSlack } = await import("../adapters/slack/index.js");
      const slack = await startSlack({
        engine,
        env,
        logger,
        health: () => ({ loadedAt: rt.loadedAt() }),
      });
      running.push({ name: "slack", stop: () => slack.stop() });
    }
    if (wantDiscord) {
      const { startDiscord } = await import("../adapters/discord/index.js");
      const discord = await startDiscord({ engine, env, logger });
      running.push({ name: "discord", stop: () => discord.stop() });
    }
  }
  logger.info("roadmap-bot started", {
    adapters: running.map((r) => r.name),
    facts: engine.factCount,
  });

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info("shutting down", { signal });
      const deadline = setTimeout(() => {
        logger.warn("shutdown took too long; exiting");
        resolve();
      }, 4500);
      deadline.unref();
      rt.close();
      Promise.allSettled(running.map((r) => r.stop())).then(() => {
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
