import { z } from "zod";
import { configError } from "../../src/index.js";

/** The Discord adapter's settings, parsed once from the environment. */
export interface DiscordConfig {
  /** The bot token (Developer Portal → Bot → Reset Token). Never logged. */
  token: string;
  /** The application id (a snowflake), used for command registration and the invite URL. */
  applicationId: string;
  /** When set, `deploy` registers commands to this guild only (instant, for development). */
  guildId?: string;
  /** REST base URL without the `/v10` suffix (discord.js adds it), e.g. a REST proxy. */
  apiUrl?: string;
}

// Empty strings come from `.env` lines like `DISCORD_GUILD_ID=`: treat them as unset.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const snowflake = /^\d{1,20}$/;

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "is missing (the bot token from the Developer Portal, Bot page)" })
      // People paste "Bot xxx" from examples; discord.js adds the prefix itself.
      .transform((v) => v.trim().replace(/^Bot\s+/i, ""))
      .refine((v) => v.length >= 8 && !/\s/.test(v), "is malformed (expected the bot token, without spaces)"),
  ),
  DISCORD_APPLICATION_ID: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "is missing (the application id from the Developer Portal, General Information)" })
      .trim()
      .regex(snowflake, "is malformed (expected a snowflake: digits only)"),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(snowflake, "is malformed (expected a snowflake: digits only)").optional(),
  ),
  DISCORD_API_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), "is malformed (expected an http(s) URL)")
      // discord.js appends `/v10` itself; accept a pasted `/api/v10` rather than calling `/api/v10/v10`.
      .transform((v) => v.replace(/\/+$/, "").replace(/\/v\d+$/, ""))
      .optional(),
  ),
});

/**
 * Parses the Discord settings from an environment, reporting every problem at once.
 *
 * @example
 * const config = parseDiscordConfig(process.env); // throws a CONFIG_INVALID RoadmapBotError listing bad variables
 */
export function parseDiscordConfig(env: Record<string, string | undefined>): DiscordConfig {
  const result = schema.safeParse(env);
  if (!result.success) {
    // Messages are ours (zod's defaults may quote input); only the variable name is added.
    const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? "environment")} ${issue.message}`);
    throw configError([...new Set(problems)], "Discord configuration is invalid");
  }
  const d = result.data;
  return {
    token: d.DISCORD_TOKEN,
    applicationId: d.DISCORD_APPLICATION_ID,
    ...(d.DISCORD_GUILD_ID ? { guildId: d.DISCORD_GUILD_ID } : {}),
    ...(d.DISCORD_API_URL ? { apiUrl: d.DISCORD_API_URL } : {}),
  };
}
