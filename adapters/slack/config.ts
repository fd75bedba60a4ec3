import { z } from "zod";

/** The Slack adapter's configuration, parsed from the environment by `parseSlackConfig`. */
export interface SlackConfig {
  botToken: string;
  /** Set: Socket Mode. Unset: HTTP (Events API at /slack/events, verified with `signingSecret`). */
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** Web API base URL (GovSlack, a proxy, a test fake); Socket Mode's handshake goes there too. */
  apiUrl?: string;
  mode: "socket" | "http";
}

export type SlackConfigResult = { ok: true; config: SlackConfig } | { ok: false; problems: string[] };

// `.env` templates often leave variables present but empty: treat "" (or spaces) as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), schema.optional());

// Messages are written here, never taken from zod defaults, so no value can leak into them.
const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", { message: "must be a bot token starting with xoxb-" })),
  SLACK_APP_TOKEN: optional(z.string().startsWith("xapp-", { message: "must be an app-level token starting with xapp-" })),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, { message: "is too short to be a signing secret" })),
  SLACK_PORT: optional(
    z.coerce
      .number({ message: "must be a port number (0-65535)" })
      .int({ message: "must be a port number (0-65535)" })
      .min(0, { message: "must be a port number (0-65535)" })
      .max(65535, { message: "must be a port number (0-65535)" }),
  ),
  SLACK_API_URL: optional(
    z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      message: "must be an http(s) URL, e.g. https://slack.com/api/",
    }),
  ),
});

/**
 * Parses and checks the Slack variables, reporting every missing or malformed one by name (values
 * are never echoed: they may be secrets).
 *
 * @example
 * const r = parseSlackConfig(process.env);
 * if (!r.ok) throw new Error(r.problems.join("\n"));
 */
export function parseSlackConfig(env: Record<string, string | undefined>): SlackConfigResult {
  const parsed = schema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${String(issue.path[0] ?? "environment")} ${issue.message}`);
    }
  }
  const present = (name: string) => (env[name] ?? "").trim() !== "";
  if (!present("SLACK_BOT_TOKEN")) problems.push("SLACK_BOT_TOKEN is missing (the bot token, xoxb-…)");
  if (!present("SLACK_APP_TOKEN") && !present("SLACK_SIGNING_SECRET")) {
    problems.push("SLACK_SIGNING_SECRET is missing (needed in HTTP mode; or set SLACK_APP_TOKEN, xapp-…, for Socket Mode)");
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const d = parsed.data;
  const config: SlackConfig = {
    botToken: d.SLACK_BOT_TOKEN as string,
    port: d.SLACK_PORT ?? 3000,
    mode: d.SLACK_APP_TOKEN ? "socket" : "http",
  };
  if (d.SLACK_APP_TOKEN) config.appToken = d.SLACK_APP_TOKEN;
  if (d.SLACK_SIGNING_SECRET) config.signingSecret = d.SLACK_SIGNING_SECRET;
  if (d.SLACK_API_URL) config.apiUrl = d.SLACK_API_URL.endsWith("/") ? d.SLACK_API_URL : `${d.SLACK_API_URL}/`;
  return { ok: true, config };
}

/** The variables that hold secrets, and the password in SLACK_API_URL, for the logger's `redact`. */
export function slackSecrets(env: Record<string, string | undefined>): string[] {
  return ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"]
    .map((k) => env[k]?.trim())
    .filter((v): v is string => typeof v === "string" && v.length > 0)
    .concat(urlPassword(env.SLACK_API_URL));
}

/** The password in a URL (`https://user:pass@host/`), raw and decoded; none when it has none. */
function urlPassword(url: string | undefined): string[] {
  const trimmed = url?.trim();
  if (!trimmed || !URL.canParse(trimmed)) return [];
  const { password } = new URL(trimmed);
  if (!password) return [];
  try {
    return [password, decodeURIComponent(password)];
  } catch {
    return [password];
  }
}

/** A URL fit for logs and error messages: any `user:password@` removed. */
export function withoutCredentials(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return url;
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}
