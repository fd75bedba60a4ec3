/**
 * The one error type of roadmap-bot, with codes from one table (as orama's `createError(code, …)`
 * does): the CLI, the app and every adapter throw it, and react to its code, never to its wording.
 * Messages name what is wrong and what to do; they never carry a secret or a rejected file's bytes.
 */
export const ERROR_CODES = Object.freeze({
  /** The command line is wrong: an unknown command or flag, a bad value. Exit 2. */
  USAGE: "usage",
  /** One or more settings are missing or malformed; every problem is listed. */
  CONFIG_INVALID: "configuration",
  KNOWLEDGE_NOT_FOUND: "knowledge file",
  KNOWLEDGE_INVALID_JSON: "knowledge file",
  KNOWLEDGE_INVALID: "knowledge file",
  /** A platform rejected its credentials (Slack auth.test, Discord login). */
  AUTH_REJECTED: "credentials",
  /** A service the bot needs did not answer (Slack's Web API, Discord's gateway, Redis). */
  SERVICE_UNREACHABLE: "service",
  /** A platform took a reply and did not say whether it arrived: sending it again could double it. */
  DELIVERY_UNKNOWN: "delivery",
});

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem: where (a file and JSON path, or "environment" and a variable) and what is wrong. */
export interface Problem {
  file: string;
  path: string;
  message: string;
}

export class RoadmapBotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = "RoadmapBotError";
  }

  /** The exit status the CLI uses for it: 2 for a usage mistake, 1 otherwise. */
  get exitCode(): number {
    return this.code === "USAGE" ? 2 : 1;
  }
}

export const formatProblem = (p: Problem): string =>
  p.file === "environment" ? `${p.path} ${p.message}` : `${p.file}: ${p.path}: ${p.message}`;

/** A configuration error listing every problem ("VAR must be …"), each naming its variable, never its value. */
export function configError(problems: string[], what = "The configuration is invalid"): RoadmapBotError {
  const list = problems.map((p) => {
    const [name = "environment", ...rest] = p.split(" ");
    return { file: "environment", path: name, message: rest.join(" ") };
  });
  return new RoadmapBotError("CONFIG_INVALID", `${what} (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`, list);
}
