/**
 * The Discord adapter's entry points, called by the CLI (`roadmap-bot discord`, `roadmap-bot
 * discord deploy`, `npm start`). Both parse the environment first and throw a `DiscordConfigError`
 * naming every missing or malformed variable before anything connects.
 */

import type { Logger } from "../../chat/index.js";
import { type RateLimiter, rateLimiterFromEnv } from "../../chat/index.js";
import type { Engine } from "../../src/index.js";
import { createDiscordBot } from "./client.js";
import { parseDiscordConfig } from "./config.js";
import { deployCommands, inviteUrl } from "./deploy.js";

export { DiscordConfigError, parseDiscordConfig } from "./config.js";
export { inviteUrl } from "./deploy.js";

/**
 * Connects the bot to Discord and serves until `stop()`. Each user's questions and commands go
 * through a token bucket: `rateLimiter` when given (a shared Redis one, say; `null` for none),
 * otherwise one built from RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND ("off" disables it).
 *
 * @example
 * const bot = await startDiscord({ engine, env: process.env, logger });
 * process.once("SIGTERM", () => void bot.stop());
 */
export async function startDiscord(options: {
  engine: Engine;
  env: Record<string, string | undefined>;
  logger: Logger;
  rateLimiter?: RateLimiter | null;
}): Promise<{ stop(): Promise<void>; readonly feedback: { helpful: number; notHelpful: number } }> {
  const config = parseDiscordConfig(options.env);
  const rateLimiter = options.rateLimiter === undefined ? rateLimiterFromEnv(options.env) : (options.rateLimiter ?? undefined);
  const bot = createDiscordBot({ engine: options.engine, config, logger: options.logger, ...(rateLimiter ? { rateLimiter } : {}) });
  await bot.start();
  return { stop: () => bot.stop(), feedback: bot.feedback };
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
