/**
 * The Discord adapter's entry points, called by the CLI (`roadmap-bot discord`, `roadmap-bot
 * discord deploy`, `npm start`). Both parse the environment first and throw a CONFIG_INVALID `RoadmapBotError`
 * naming every missing or malformed variable before anything connects.
 */

import type { Logger, Pipeline } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import { createDiscordBot } from "./client.js";
import { type DiscordConfig, parseDiscordConfig } from "./config.js";
import { deployCommands, inviteUrl } from "./deploy.js";

export { parseDiscordConfig } from "./config.js";
export { inviteUrl } from "./deploy.js";

/**
 * Connects the bot to Discord and serves until `stop()`. Every question goes through `pipeline`
 * (dedup, the per-user rate limit, conversation state, the engine, logging).
 *
 * @example
 * const bot = await startDiscord({ pipeline, engine: () => engine, config, logger });
 * process.once("SIGTERM", () => void bot.stop());
 */
export async function startDiscord(options: {
  pipeline: Pipeline;
  engine: () => Engine;
  /** The parsed Discord settings (app/config.ts), or an environment to parse them from. */
  config?: DiscordConfig;
  env?: Record<string, string | undefined>;
  logger: Logger;
  deferAfterMs?: number;
}): Promise<{ stop(): Promise<void> }> {
  const config = options.config ?? parseDiscordConfig(options.env ?? {});
  const bot = createDiscordBot({
    pipeline: options.pipeline,
    engine: options.engine,
    config,
    logger: options.logger,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  await bot.start();
  return { stop: () => bot.stop() };
}

/**
 * Registers the slash commands (to `DISCORD_GUILD_ID` when set, globally otherwise) and prints what
 * it registered and the invite URL.
 *
 * @example
 * await deployDiscord({ env: process.env, logger, print: (line) => console.log(line) });
 */
export async function deployDiscord(options: {
  env: Record<string, string | undefined>;
  logger: Logger;
  print: (line: string) => void;
}): Promise<void> {
  const result = await deployCommands(options.env, options.logger);
  const where = result.scope === "guild" ? `to guild ${result.guildId}` : "globally (Discord clients may take a few minutes to show them)";
  options.print(`Registered ${result.commands.length} commands ${where}: ${result.commands.map((c) => `/${c}`).join(", ")}`);
  options.print(`Invite the bot: ${inviteUrl(parseDiscordConfig(options.env).applicationId)}`);
}
