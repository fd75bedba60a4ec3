import { z } from "zod";
import { type DiscordConfig, parseDiscordConfig } from "../adapters/discord/config.js";
import { parseSlackConfig, type SlackConfig } from "../adapters/slack/config.js";
import { RATE_LIMIT_DEFAULTS, STORE_DEFAULTS, type StoreLimits } from "../chat/index.js";
import { formatProblem, RoadmapBotError } from "../src/index.js";

/**
 * Every setting of the bot, parsed once from the environment with zod: the core, the limits, Redis,
 * and Slack and Discord when they are wanted. Empty values count as unset (a copied .env.example has
 * many). Every problem is named with its variable, never its value (values may be secrets).
 */
const optionalNumber = (min: number, max: number, unit = "") =>
  z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : Number(v)),
    z
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be at least ${min}${unit}`)
      .max(max, `must be at most ${max}${unit}`)
      .optional(),
  );
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

/**
 * The longest question the engine reads. Above about 10,000 characters a message is an essay, not a
 * question, and the engine's cost grows with length (see README, "Operating").
 */
export const MAX_QUESTION_LENGTH_CAP = 10_000;

export const CoreConfigSchema = z.object({
  KNOWLEDGE_PATH: z.preprocess(blank, z.string().optional()),
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? v.toLowerCase() : v),
    z.enum(["debug", "info", "warn", "error", "silent"], { message: "must be one of debug, info, warn, error, silent" }).optional(),
  ),
  UNANSWERED_LOG: z.preprocess(blank, z.string().optional()),
  MAX_QUESTION_LENGTH: optionalNumber(10, MAX_QUESTION_LENGTH_CAP, " characters"),
  CONVERSATION_IDLE_MS: optionalNumber(1000, 7 * 24 * 3600 * 1000),
  MAX_CONVERSATIONS: optionalNumber(1, 10_000_000),
  RATE_LIMIT_BURST: z.preprocess(
    blank,
    z.union([z.literal("off"), z.string().regex(/^[1-9]\d*$/, 'must be a whole number of messages (at least 1), or "off"')]).optional(),
  ),
  RATE_LIMIT_PER_SECOND: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, "must be a positive number (tokens added per second)")
      .refine((v) => Number(v) > 0, "must be a positive number (tokens added per second)")
      .optional(),
  ),
  REDIS_URL: z.preprocess(
    blank,
    z
      .string()
      .refine(
        (v) => URL.canParse(v) && /^rediss?:$/.test(new URL(v).protocol),
        "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379",
      )
      .optional(),
  ),
});

export type CoreConfig = z.infer<typeof CoreConfigSchema>;

export interface AppConfig {
  core: CoreConfig;
  /** What the shared state remembers, and the rate limit. */
  limits: StoreLimits;
  redisUrl?: string | undefined;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** Every secret among the settings (tokens, passwords in URLs), for the logger to redact. */
  secrets: string[];
}

export type ConfigResult = { ok: true; config: AppConfig; secrets: string[] } | { ok: false; problems: string[]; secrets: string[] };

/**
 * Parses the whole configuration once. `want` says which platforms must be configured; their
 * variables are then checked too, and every problem of every part is listed together.
 *
 * @example
 * const r = parseConfig(process.env, { slack: true, discord: false });
 * if (!r.ok) throw configError(r.problems);
 */
export function parseConfig(env: Record<string, string | undefined>, want: { slack?: boolean; discord?: boolean } = {}): ConfigResult {
  const secrets = secretsIn(env);
  const problems: string[] = [];
  const core = CoreConfigSchema.safeParse(env);
  if (!core.success) problems.push(...core.error.issues.map((i) => `${String(i.path[0])} ${i.message}`));
  const slack = want.slack ? parseSlackConfig(env) : undefined;
  if (slack && !slack.ok) problems.push(...slack.problems);
  let discord: DiscordConfig | undefined;
  if (want.discord) {
    try {
      discord = parseDiscordConfig(env);
    } catch (error) {
      problems.push(...(error instanceof RoadmapBotError ? error.problems.map(formatProblem) : [String(error)]));
    }
  }
  if (!core.success || problems.length) return { ok: false, problems, secrets };
  const c = core.data;
  const limits: StoreLimits = {
    ...STORE_DEFAULTS,
    rate:
      c.RATE_LIMIT_BURST === "off"
        ? undefined
        : {
            burst: Number(c.RATE_LIMIT_BURST ?? RATE_LIMIT_DEFAULTS.burst),
            perSecond: Number(c.RATE_LIMIT_PER_SECOND ?? RATE_LIMIT_DEFAULTS.perSecond),
          },
    ...(c.CONVERSATION_IDLE_MS ? { conversationIdleMs: c.CONVERSATION_IDLE_MS } : {}),
    ...(c.MAX_CONVERSATIONS ? { conversationsMax: c.MAX_CONVERSATIONS } : {}),
  };
  return {
    ok: true,
    config: {
      core: c,
      limits,
      redisUrl: c.REDIS_URL,
      ...(slack?.ok ? { slack: slack.config } : {}),
      ...(discord ? { discord } : {}),
      secrets,
    },
    secrets,
  };
}

/** Only the core settings (for commands that start no bot). */
export function parseCoreConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: CoreConfig } | { ok: false; problems: string[] } {
  const r = parseConfig(env);
  return r.ok ? { ok: true, config: r.config.core } : { ok: false, problems: r.problems };
}

/** The secrets in an environment: tokens, the signing secret, and any password inside a URL. */
export function secretsIn(env: Record<string, string | undefined>): string[] {
  const tokens = ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"].map((k) => env[k]?.trim());
  const passwords = ["REDIS_URL", "SLACK_API_URL", "DISCORD_API_URL"].flatMap((k) => {
    const url = env[k]?.trim();
    if (!url || !URL.canParse(url)) return [];
    const { password, username } = new URL(url);
    return [password, safeDecode(password), password ? username : ""];
  });
  return [...new Set([...tokens, ...passwords].filter((v): v is string => typeof v === "string" && v.length >= 3))];
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
