import { OAuth2Scopes, PermissionFlagsBits, REST, Routes } from "discord.js";
import type { Logger } from "../../chat/index.js";
import { commandDefinitions } from "./commands.js";
import { parseDiscordConfig } from "./config.js";
import { restOptions } from "./rest-options.js";

/** What `deployCommands` registered, and where. */
export interface DeployResult {
  scope: "guild" | "global";
  guildId?: string;
  commands: string[];
}

/** The permissions the bot needs to answer in a channel; nothing more. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/**
 * The URL that adds the bot to a server, with the `bot` and `applications.commands` scopes.
 *
 * @example
 * inviteUrl("123456789012345678"); // "https://discord.com/oauth2/authorize?client_id=…&scope=bot+applications.commands&permissions=84992"
 */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/**
 * Registers the slash commands with one bulk overwrite: to `DISCORD_GUILD_ID` when set (appears
 * at once, for development), globally otherwise (may take a while to reach every client).
 * Throws a CONFIG_INVALID `RoadmapBotError` before any request when the environment is incomplete.
 */
export async function deployCommands(env: Record<string, string | undefined>, logger: Logger): Promise<DeployResult> {
  const config = parseDiscordConfig(env);
  logger.redact(config.token);
  const rest = new REST(restOptions(config)).setToken(config.token);
  const body = commandDefinitions();
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  try {
    const registered = (await rest.put(route, { body })) as { name: string }[];
    const result: DeployResult = {
      scope: config.guildId ? "guild" : "global",
      ...(config.guildId ? { guildId: config.guildId } : {}),
      commands: Array.isArray(registered) ? registered.map((c) => c.name) : body.map((c) => c.name),
    };
    logger.info("discord commands registered", { ...result });
    return result;
  } catch (err) {
    // Platform errors can carry request details; make sure the token cannot ride along.
    const message = logger.scrub(err instanceof Error ? err.message : String(err));
    logger.error("discord command registration failed", { error: message });
    throw new Error(`Discord: registering commands failed: ${message}`);
  }
}
